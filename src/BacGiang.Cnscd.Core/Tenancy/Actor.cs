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

    /// <summary>
    /// For work that writes past the scope guard (the bulk path writes rows without the change tracker, so neither
    /// the scope interceptor nor the audit sees them): refuses to start unless this is a system actor.
    /// </summary>
    /// <exception cref="ScopeViolationException">The actor is a user, however wide their scope.</exception>
    public void RequireUnrestricted(string work)
    {
        if (!Scope.IsUnrestricted)
        {
            throw new ScopeViolationException($"{work} chỉ chạy được với quyền hệ thống (actor: {Scope}).");
        }
    }
}
