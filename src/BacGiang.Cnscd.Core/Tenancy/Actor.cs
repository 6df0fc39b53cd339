using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Tenancy;

/// <summary>
/// Who is acting, for the scope filter, role checks in services and the audit log. <see cref="Role"/> is
/// null for system work (which is unrestricted) and anonymous requests (which see nothing).
/// </summary>
public sealed record Actor(string? UserId, string? UserName, int? UnitId, DataScope Scope, string? ClientAddress = null, AppRole? Role = null)
{
    public static Actor Anonymous { get; } = new(null, null, null, DataScope.Nothing);

    public static Actor System(string reason) => new(null, "system", null, DataScope.Unrestricted(reason));
}
