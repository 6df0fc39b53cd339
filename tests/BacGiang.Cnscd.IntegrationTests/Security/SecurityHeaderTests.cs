using System.Net;
using System.Text.RegularExpressions;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Security;

/// <summary>
/// Issue 15, headers: every GET route of the portal — pages, downloads, health, redirects and refusals alike — answers
/// with the Content Security Policy, nosniff, the referrer policy and no framing, and with no-store unless it is a static
/// file; the policy's nonce is the one on the page's only inline script.
/// </summary>
public partial class SecurityHeaderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryGetRoute_SignedInOrNot_CarriesTheSecurityHeaders_AndNoStore()
    {
        var routes = GetRoutes();
        Assert.Contains("/reports/1/2026/4", routes); // the enumeration found the parameterised routes

        var anonymous = PortalClient.Create(factory);
        var admin = PortalClient.Create(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(admin, "admin@demo.cnscd.vn", DemoAccounts.Password, DemoAccounts.AdminAuthenticatorKey)).StatusCode);

        var checkedResponses = 0;
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("admin", admin) })
        {
            foreach (var route in routes)
            {
                using var response = await client.GetAsync(route);
                var where = $"{who} GET {route} ({(int)response.StatusCode})";
                Assert.True((int)response.StatusCode < 500, where);
                AssertSecurityHeaders(response, where);
                Assert.True(response.Headers.CacheControl?.NoStore == true, where + ": Cache-Control " + response.Headers.CacheControl);
                checkedResponses++;
            }
        }

        Assert.True(checkedResponses >= 2 * 20, $"only {checkedResponses} responses checked");
    }

    [Fact]
    public async Task APage_ItsOnlyInlineScriptCarriesThePoliciesNonce_AndAStaticFileKeepsItsOwnCaching()
    {
        var client = PortalClient.Create(factory);
        using var login = await client.GetAsync("/Account/Login");
        var html = await login.Content.ReadAsStringAsync();
        var policy = string.Join(" ", login.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceInPolicy().Match(policy).Groups[1].Value;

        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        // Every <script> either loads a file of this origin or is the import map with this response's nonce.
        var scripts = ScriptTag().Matches(html).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.True(tag.Contains(" src=\"", StringComparison.Ordinal) || tag.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), tag));
        Assert.Single(scripts, tag => tag.Contains("importmap", StringComparison.Ordinal));

        // A second request gets a fresh nonce.
        using var again = await client.GetAsync("/Account/Login");
        Assert.NotEqual(nonce, NonceInPolicy().Match(string.Join(" ", again.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value);

        var script = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).First(s => s.Contains("blazor.web", StringComparison.Ordinal));
        using var asset = await client.GetAsync("/" + script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        AssertSecurityHeaders(asset, script);
        Assert.False(asset.Headers.CacheControl?.NoStore == true, script + " should be cacheable");
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task TheTwoFactorPages_WithoutAPendingSignIn_SendBackToTheLogin_NotToAnErrorPage(string path)
    {
        var client = PortalClient.Create(factory);
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", PortalClient.RedirectPath(response), StringComparison.Ordinal);
        Assert.DoesNotContain("LoginWith", PortalClient.RedirectPath(response), StringComparison.Ordinal);
        var login = await client.GetStringAsync(PortalClient.RedirectPath(response));
        Assert.Contains("Phiên đăng nhập hai lớp đã hết hạn", login, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phishing")]
    [InlineData("//evil.example/phishing")]
    [InlineData("/\\evil.example/phishing")]
    public async Task AForeignReturnAddress_AfterSignIn_LandsOnTheHomePage(string returnUrl)
    {
        var client = PortalClient.Create(factory);
        using var response = await PortalClient.PostFormAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = "xa@demo.cnscd.vn", ["Input.Password"] = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host != "localhost", location.ToString());
        Assert.Equal("/", PortalClient.RedirectPath(response));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string where)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), where + ": no CSP");
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", csp), StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options", where));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy", where));
        Assert.Equal("DENY", Single(response, "X-Frame-Options", where));
    }

    private static string Single(HttpResponseMessage response, string header, string where) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"{where}: no {header}");

    /// <summary>The portal's GET routes (static files and the framework's own aside), parameters filled with plausible values.</summary>
    private List<string> GetRoutes()
    {
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal) && !p.Contains('.', StringComparison.Ordinal) && !p.Contains("{*", StringComparison.Ordinal))
            .Select(p => Parameter().Replace(p, m => m.Groups[1].Value switch { "Year" or "year" => "2026", "Quarter" or "quarter" => "4", _ => "1" }))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex(@"<script\b[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<script[^>]*\ssrc=""([^""]+)""")]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
