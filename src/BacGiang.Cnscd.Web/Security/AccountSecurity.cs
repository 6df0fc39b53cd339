using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// Account protections in one place: PBKDF2 work factor, session lifetimes, security-stamp
/// validation, the login rate limit and compulsory two-factor sign-in for ProvinceAdmin.
/// docs/security.md lists each with the test that proves it.
/// </summary>
public static class AccountSecurity
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's V3 format); Identity's default is 100,000.</summary>
    public const int PasswordHashIterations = 210_000;

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    private const string LoginPolicy = "login";

    public static IServiceCollection AddAccountSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        // Cookies re-check the security stamp every minute, like open circuits (IdentityRevalidatingAuthenticationStateProvider).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            var validateStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is { } principal && IsPastAbsoluteTimeout(principal, context.HttpContext.RequestServices.GetRequiredService<VietnamClock>().InstantNow))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
                    return;
                }

                await validateStamp(context);
            };
        });

        var permits = configuration.GetValue("Security:LoginRateLimit:PermitsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau một phút.", token);
            };
            // Per client address; behind nginx the address comes from X-Forwarded-For (see deploy/).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(LoginPolicy));
        });
        return services;
    }

    public static IApplicationBuilder UseAccountSecurity(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        // A ProvinceAdmin without an authenticator is sent to set one up before anything else.
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.Role() == AppRole.ProvinceAdmin
                && user.FindFirstValue(PortalClaimTypes.TwoFactor) != "true"
                && !context.Request.Path.StartsWithSegments("/Account") && !context.Request.Path.StartsWithSegments("/_framework")
                && !context.Request.Path.StartsWithSegments("/_content") && !context.Request.Path.StartsWithSegments("/health"))
            {
                context.Response.Redirect("/Account/Manage/EnableAuthenticator?required=true");
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>True once 12 hours have passed since the password was typed, whatever the activity since.</summary>
    public static bool IsPastAbsoluteTimeout(ClaimsPrincipal principal, DateTimeOffset now) =>
        long.TryParse(principal.FindFirstValue(PortalClaimTypes.SignedInAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout;

    private static bool IsLoginPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login");
}
