using System.Globalization;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>Reads the <see cref="Actor"/> back out of a signed-in principal.</summary>
public static class PrincipalActor
{
    public static Actor From(ClaimsPrincipal? principal, string? clientAddress = null)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Actor.Anonymous with { ClientAddress = clientAddress };
        }

        var level = principal.FindFirstValue(PortalClaimTypes.ScopeLevel);
        var scope = Enum.TryParse<UnitLevel>(level, out var l)
            ? DataScope.ForUnit(l, Int(principal, PortalClaimTypes.ScopeDistrict), Int(principal, PortalClaimTypes.ScopeCommune),
                Int(principal, PortalClaimTypes.ScopeVillage))
            : DataScope.Nothing;
        return new Actor(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.Identity.Name,
            Int(principal, PortalClaimTypes.UnitId), scope, clientAddress, principal.Role());
    }

    public static AppRole? Role(this ClaimsPrincipal principal) =>
        Enum.TryParse<AppRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    /// <summary>The signed-in account's own team membership, if it has one ("me" on the visit form).</summary>
    public static int? MemberId(this ClaimsPrincipal principal) => Int(principal, PortalClaimTypes.MemberId);

    /// <summary>The signed-in account's unit (its village for a village leader).</summary>
    public static int? UnitId(this ClaimsPrincipal principal) => Int(principal, PortalClaimTypes.UnitId);

    private static int? Int(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
