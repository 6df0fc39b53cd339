using BacGiang.Cnscd.Core.Time;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Web.Components.Account;

/// <summary>
/// Re-checks the security stamp and the account's active flag of every connected circuit every
/// minute (the template's 30 minutes would leave a disabled account working for half an hour).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<RevalidationOptions> revalidation,
        VietnamClock clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => revalidation.Value.Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope, so the user manager reads fresh data rather than the circuit's cached entity.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<AppUser> userManager, ClaimsPrincipal principal)
    {
        if (Security.AccountSecurity.IsPastAbsoluteTimeout(principal, clock.InstantNow))
        {
            return false;
        }

        var user = await userManager.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}

/// <summary>How often open circuits are revalidated; tests shorten it to prove the sign-out.</summary>
public sealed class RevalidationOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
