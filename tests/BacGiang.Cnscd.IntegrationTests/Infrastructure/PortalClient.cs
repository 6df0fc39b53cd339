using System.Net;
using System.Text.RegularExpressions;
using BacGiang.Cnscd.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>An HTTP client with a cookie jar that signs in through the real (static SSR) login form.</summary>
public static partial class PortalClient
{
    public static HttpClient Create(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Posts the login form with every hidden field it carries (antiforgery token, form name), and
    /// the authenticator code when the account has two-factor sign-in and a key is given.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? authenticatorKey = null)
    {
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (authenticatorKey is not null && RedirectPath(response)?.Contains("LoginWith2fa", StringComparison.Ordinal) == true)
        {
            var url = RedirectPath(response)!;
            response = await PostFormAsync(client, url, new() { ["Input.TwoFactorCode"] = Totp.Code(authenticatorKey, DateTimeOffset.UtcNow) });
        }

        return response;
    }

    /// <summary>The path and query a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : "/" + location.OriginalString.TrimStart('~', '/');

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetStringAsync(url);
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
