namespace BacGiang.Cnscd.Core.Tenancy;

/// <summary>Who is acting, for the scope filter and the audit log.</summary>
public sealed record Actor(string? UserId, string? UserName, int? UnitId, DataScope Scope, string? ClientAddress = null)
{
    public static Actor Anonymous { get; } = new(null, null, null, DataScope.Nothing);

    public static Actor System(string reason) => new(null, "system", null, DataScope.Unrestricted(reason));
}
