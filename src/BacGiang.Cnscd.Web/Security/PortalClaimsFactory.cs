using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// Puts the account's role, unit and resolved data scope into its cookie. A change of role or unit
/// changes the security stamp, and revalidation then ends the old sessions within a minute.
/// </summary>
public sealed class PortalClaimsFactory(UserManager<AppUser> userManager, IOptions<IdentityOptions> options, CnscdDbContext db, VietnamClock clock)
    : UserClaimsPrincipalFactory<AppUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var scope = await UnitScopeResolver.ResolveAsync(db, user.Role, user.UnitId);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(PortalClaimTypes.FullName, user.FullName));
        identity.AddClaim(new Claim(PortalClaimTypes.UnitId, user.UnitId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaimTypes.ScopeLevel, scope.IsNothing ? "none" : user.Role.ScopeLevel().ToString()));
        identity.AddClaim(new Claim(PortalClaimTypes.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(PortalClaimTypes.SignedInAt, clock.InstantNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        AddIfSet(identity, PortalClaimTypes.ScopeDistrict, scope.DistrictId);
        AddIfSet(identity, PortalClaimTypes.ScopeCommune, scope.CommuneId);
        AddIfSet(identity, PortalClaimTypes.ScopeVillage, scope.VillageId);
        AddIfSet(identity, PortalClaimTypes.MemberId, user.MemberId);
        return identity;
    }

    private static void AddIfSet(ClaimsIdentity identity, string type, int? value)
    {
        if (value is not null)
        {
            identity.AddClaim(new Claim(type, value.Value.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
