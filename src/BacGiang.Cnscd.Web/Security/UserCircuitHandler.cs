using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state (the documented
/// pattern for reaching the user from services in Blazor Server), including after revalidation
/// signs a disabled account out.
/// </summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.Set(state.User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task)
    {
        _ = UpdateAsync(task);

        async Task UpdateAsync(Task<AuthenticationState> pending)
        {
            var state = await pending;
            currentUser.Set(state.User);
        }
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
