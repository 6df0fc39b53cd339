using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace BacGiang.Cnscd.Web.Hosting;

/// <summary>
/// Completes the static-asset manifest so that every fingerprinted address the pages use is served compressed.
/// The SDK gives the app's own and the framework's fingerprinted files their gzip/brotli variants, but MudBlazor's
/// package manifest maps <c>_content/MudBlazor/MudBlazor.min.{fingerprint}.css</c> (627 KB) and <c>.js</c> (70 KB) to the
/// plain file only; the compressed copies (≈ 42 KB and 15 KB) exist under the unfingerprinted address, which is not
/// cached for long. For each such address this adds the compressed variants of its label (the same file, the same
/// fingerprint), keeping the fingerprinted address's long-lived Cache-Control, and writes the result beside the temp
/// files for <c>MapStaticAssets</c> to read — the framework still does the negotiation, ETags and ranges. Issue 13.
/// </summary>
public static class CompressedFingerprintedAssets
{
    /// <summary>
    /// The manifest to map: the completed copy, or null (the default manifest) when there is none or nothing to add.
    /// </summary>
    public static string? ManifestFor(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var original = Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + ".staticwebassets.endpoints.json");
        if (!File.Exists(original))
        {
            return null;
        }

        var text = File.ReadAllText(original);
        var manifest = JsonNode.Parse(text)!.AsObject();
        var added = Complete(manifest["Endpoints"]!.AsArray());
        if (added == 0)
        {
            return null;
        }

        // Named after the input, so nodes and restarts with the same build share one file; written whole, then moved.
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
        var completed = Path.Combine(Path.GetTempPath(), $"{environment.ApplicationName}.{hash}.staticwebassets.endpoints.json");
        if (!File.Exists(completed))
        {
            var partial = completed + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(partial, manifest.ToJsonString());
            File.Move(partial, completed, overwrite: true);
        }

        return completed;
    }

    /// <summary>Adds the missing compressed variants to <paramref name="endpoints"/>; returns how many were added.</summary>
    public static int Complete(JsonArray endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var list = endpoints.Select(e => e!.AsObject()).ToList();
        var compressedByRoute = list.Where(IsCompressed).ToLookup(Route);
        var added = 0;
        foreach (var plain in list.Where(e => !IsCompressed(e) && Property(e, "fingerprint") is not null && Property(e, "label") is not null))
        {
            if (compressedByRoute[Route(plain)].Any())
            {
                continue; // the SDK already did it (the app's own files, the framework's)
            }

            var cacheControl = Header(plain, "Cache-Control");
            var before = added;
            foreach (var variant in compressedByRoute[Property(plain, "label")!])
            {
                var copy = variant.DeepClone().AsObject();
                copy["Route"] = Route(plain);
                var headers = copy["ResponseHeaders"]!.AsArray();
                foreach (var header in headers.Where(h => (string?)h!["Name"] == "Cache-Control").ToList())
                {
                    headers.Remove(header);
                }

                if (cacheControl is not null)
                {
                    headers.Add(new JsonObject { ["Name"] = "Cache-Control", ["Value"] = cacheControl });
                }

                var properties = copy["EndpointProperties"]!.AsArray();
                foreach (var name in new[] { "fingerprint", "label" })
                {
                    properties.Add(new JsonObject { ["Name"] = name, ["Value"] = Property(plain, name) });
                }

                endpoints.Add(copy);
                added++;
            }

            // The plain response now depends on Accept-Encoding too.
            if (added > before && Header(plain, "Vary") is null)
            {
                plain["ResponseHeaders"]!.AsArray().Add(new JsonObject { ["Name"] = "Vary", ["Value"] = "Accept-Encoding" });
            }
        }

        return added;
    }

    private static string Route(JsonObject endpoint) => (string)endpoint["Route"]!;

    private static bool IsCompressed(JsonObject endpoint) =>
        endpoint["Selectors"]?.AsArray().Any(s => (string?)s!["Name"] == "Content-Encoding") == true;

    private static string? Property(JsonObject endpoint, string name) =>
        endpoint["EndpointProperties"]?.AsArray().Where(p => (string?)p!["Name"] == name).Select(p => (string?)p!["Value"]).FirstOrDefault();

    private static string? Header(JsonObject endpoint, string name) =>
        endpoint["ResponseHeaders"]?.AsArray().Where(h => (string?)h!["Name"] == name).Select(h => (string?)h!["Value"]).FirstOrDefault();
}
