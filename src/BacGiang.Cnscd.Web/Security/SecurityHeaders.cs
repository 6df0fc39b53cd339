using System.Security.Cryptography;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// The headers every response carries (issue 15): a Content Security Policy that allows what Blazor Server and MudBlazor
/// need and nothing else, no MIME sniffing, no full address in the Referer sent to other sites, no framing, and
/// <c>Cache-Control: no-store</c> on everything that is not a static asset — pages and downloads carry names and phones
/// of households, and a shared commune computer must not keep them in its cache.
/// </summary>
/// <remarks>
/// Scripts: only files from this origin, plus the one inline element the framework writes, the import map, which carries
/// the request's nonce (<see cref="Nonce"/>, rendered by App.razor). No inline script, no eval. Styles: inline styles are
/// allowed, because MudBlazor sets <c>style</c> attributes on its components and its theme provider writes a
/// <c>&lt;style&gt;</c> element; a style cannot run code. The circuit's WebSocket is same-origin ('self' covers ws/wss).
/// </remarks>
public static class SecurityHeaders
{
    private const string NonceKey = "cnscd-csp-nonce";

    /// <summary>This request's script nonce (empty outside a request that went through the middleware).</summary>
    public static string Nonce(HttpContext? context) => context?.Items[NonceKey] as string ?? "";

    /// <summary>The policy for a page whose inline import map carries <paramref name="nonce"/>.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Hex rather than base64: a '+' would be written "&#x2B;" in the page, harmless but confusing to read.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // Set when the response starts, so they are on every answer: pages, downloads, redirects, errors, 404s.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            // Static assets set their own caching (MapStaticAssets: immutable for fingerprinted files); everything
            // else is built for one user and may hold personal data.
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
