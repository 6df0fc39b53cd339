using System.Security.Claims;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// The signed-in user of this request or circuit, and the <see cref="IActorAccessor"/> the DbContext
/// reads. Set by <see cref="CurrentUserMiddleware"/> for HTTP requests and by
/// <see cref="UserCircuitHandler"/> for interactive circuits (where HttpContext is not available).
/// </summary>
public sealed class CurrentUser : IActorAccessor
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private Actor _actor = Actor.Anonymous;

    public ClaimsPrincipal Principal => _principal;

    public Actor Current => _actor;

    /// <summary>For start-up and command-line work in this scope: crosses every unit, audited as "system".</summary>
    public void UseSystemActor(string reason) => _actor = Actor.System(reason);

    public void Set(ClaimsPrincipal principal, string? clientAddress = null)
    {
        _principal = principal;
        _actor = PrincipalActor.From(principal, clientAddress ?? _actor.ClientAddress);
    }
}
