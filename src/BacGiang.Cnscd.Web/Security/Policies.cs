using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Authorization;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>Every authorization policy of the portal, in one place.</summary>
public static class Policies
{
    /// <summary>Any signed-in account.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>ProvinceAdmin only: accounts above district level, settings.</summary>
    public const string ProvinceAdmin = nameof(ProvinceAdmin);

    /// <summary>Roles that may read the audit log (ProvinceAdmin; DistrictOfficer for the district).</summary>
    public const string AuditReader = nameof(AuditReader);

    /// <summary>Roles that manage accounts of the levels below them.</summary>
    public const string AccountManager = nameof(AccountManager);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(ProvinceAdmin, p => p.RequireRole(nameof(AppRole.ProvinceAdmin)));
        options.AddPolicy(AuditReader, p => p.RequireRole(nameof(AppRole.ProvinceAdmin), nameof(AppRole.DistrictOfficer)));
        options.AddPolicy(AccountManager, p => p.RequireRole(
            nameof(AppRole.ProvinceAdmin), nameof(AppRole.DistrictOfficer), nameof(AppRole.CommuneOfficer)));
    }
}
