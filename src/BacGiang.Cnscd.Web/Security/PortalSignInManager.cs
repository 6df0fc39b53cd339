using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// A disabled account cannot sign in, whatever its password; nor can a demo account (its password is in the README)
/// outside Development — a database seeded for a demonstration and then put in service must not open with it.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    IHostEnvironment environment)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!environment.IsDevelopment() && Demo.DemoAccounts.IsDemo(user.Email))
        {
            Logger.LogWarning("Demo account {UserId} refused: demo accounts sign in only in Development", user.Id);
            return false;
        }

        return user.IsActive && await base.CanSignInAsync(user);
    }
}
