using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Authorization;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>Every authorization policy of the portal, in one place.</summary>
public static class Policies
{
    /// <summary>
    /// Any signed-in account of the portal's daily work: the five roles of domain.md. This is also the default policy, so
    /// a bare <c>[Authorize]</c> page or <c>RequireAuthorization()</c> endpoint is closed to the awards-only appraiser.
    /// </summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The awards pages (issue 16): every work role, and the Department of Home Affairs' appraiser, who sees nothing else.</summary>
    public const string Awards = nameof(Awards);

    /// <summary>The roles that do the portal's daily work (households, teams, reports, dashboards).</summary>
    public static readonly AppRole[] WorkRoles =
        [AppRole.VillageLeader, AppRole.CommuneOfficer, AppRole.DistrictOfficer, AppRole.ProvinceViewer, AppRole.ProvinceAdmin];

    /// <summary>ProvinceAdmin only: accounts above district level, settings.</summary>
    public const string ProvinceAdmin = nameof(ProvinceAdmin);

    /// <summary>Roles that may read the audit log (ProvinceAdmin; DistrictOfficer for the district).</summary>
    public const string AuditReader = nameof(AuditReader);

    /// <summary>Roles that manage accounts of the levels below them.</summary>
    public const string AccountManager = nameof(AccountManager);

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var work = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(WorkRoles.Select(r => r.ToString())).Build();
        options.DefaultPolicy = work;
        options.AddPolicy(SignedIn, work);
        options.AddPolicy(Awards, p => p.RequireRole(WorkRoles.Append(AppRole.HomeAffairsAppraiser).Select(r => r.ToString())));
        options.AddPolicy(ProvinceAdmin, p => p.RequireRole(nameof(AppRole.ProvinceAdmin)));
        options.AddPolicy(AuditReader, p => p.RequireRole(nameof(AppRole.ProvinceAdmin), nameof(AppRole.DistrictOfficer)));
        options.AddPolicy(AccountManager, p => p.RequireRole(
            nameof(AppRole.ProvinceAdmin), nameof(AppRole.DistrictOfficer), nameof(AppRole.CommuneOfficer)));
    }
}
