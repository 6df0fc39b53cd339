namespace BacGiang.Cnscd.Web.Security;

/// <summary>Copies the request's principal and client address into the scoped <see cref="CurrentUser"/>.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }
}
