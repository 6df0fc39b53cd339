using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;

namespace BacGiang.Cnscd.IntegrationTests.Host;

/// <summary>
/// Issue 13, the first load: every fingerprinted stylesheet and script the login page links is served compressed at
/// that very address (MudBlazor's 627 KB stylesheet was sent whole there), and decompresses to the same bytes.
/// </summary>
public partial class StaticAssetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [GeneratedRegex("""(?:href|src)="(?<url>[^"]+\.[a-z0-9]{10}\.(?:css|js))""")]
    private static partial Regex FingerprintedAsset();

    [Fact]
    public async Task EveryFingerprintedStylesheetAndScriptOfTheLoginPage_IsServedCompressed_WithTheSameContent()
    {
        var client = PortalClient.Create(factory);
        var login = await client.GetStringAsync("/Account/Login");
        var urls = FingerprintedAsset().Matches(login).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.Contains(urls, u => u.Contains("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && u.EndsWith(".js", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            var plain = await client.GetByteArrayAsync(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var encoding = Assert.Single(response.Content.Headers.ContentEncoding);
            Assert.True(encoding is "br" or "gzip", $"{url}: {encoding}");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            await using var body = await response.Content.ReadAsStreamAsync();
            await using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : (Stream)new GZipStream(body, CompressionMode.Decompress);
            using var copy = new MemoryStream();
            await decoded.CopyToAsync(copy);
            Assert.True(plain.AsSpan().SequenceEqual(copy.ToArray()), $"{url}: the compressed copy is another file");
        }
    }
}
