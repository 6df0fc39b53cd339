using System.Text.Json.Nodes;
using BacGiang.Cnscd.Web.Hosting;

namespace BacGiang.Cnscd.Web.Tests.Hosting;

/// <summary>The manifest completion on MudBlazor's shape: a fingerprinted route without compressed variants.</summary>
public class CompressedFingerprintedAssetsTests
{
    private static JsonObject Endpoint(string route, string file, string? encoding, string cacheControl, params (string Name, string Value)[] properties) => new()
    {
        ["Route"] = route,
        ["AssetFile"] = file,
        ["Selectors"] = encoding is null ? new JsonArray() : new JsonArray(new JsonObject { ["Name"] = "Content-Encoding", ["Value"] = encoding, ["Quality"] = "0.1" }),
        ["ResponseHeaders"] = new JsonArray(
            new JsonObject { ["Name"] = "Cache-Control", ["Value"] = cacheControl },
            new JsonObject { ["Name"] = "Content-Type", ["Value"] = "text/css" }),
        ["EndpointProperties"] = new JsonArray([.. properties.Select(p => (JsonNode)new JsonObject { ["Name"] = p.Name, ["Value"] = p.Value })]),
    };

    [Fact]
    public void AFingerprintedRouteWithoutVariants_GetsItsLabelsVariants_KeepingTheLongCache()
    {
        var endpoints = new JsonArray(
            Endpoint("lib/a.css", "lib/a.css", null, "no-cache"),
            Endpoint("lib/a.css", "lib/a.css.gz", "gzip", "no-cache"),
            Endpoint("lib/a.css", "lib/a.css.br", "br", "no-cache"),
            Endpoint("lib/a.abc123defg.css", "lib/a.css", null, "max-age=31536000, immutable", ("fingerprint", "abc123defg"), ("label", "lib/a.css")));

        Assert.Equal(2, CompressedFingerprintedAssets.Complete(endpoints));

        var fingerprinted = endpoints.Select(e => e!.AsObject()).Where(e => (string)e["Route"]! == "lib/a.abc123defg.css").ToList();
        Assert.Equal(["lib/a.css", "lib/a.css.gz", "lib/a.css.br"], fingerprinted.Select(e => (string)e["AssetFile"]!));
        Assert.All(fingerprinted, e => Assert.Contains(e["ResponseHeaders"]!.AsArray(),
            h => (string)h!["Name"]! == "Cache-Control" && (string)h["Value"]! == "max-age=31536000, immutable"));
        Assert.All(fingerprinted.Skip(1), e => Assert.DoesNotContain(e["ResponseHeaders"]!.AsArray(), h => (string)h!["Value"]! == "no-cache"));
        Assert.Contains(fingerprinted[0]["ResponseHeaders"]!.AsArray(), h => (string)h!["Name"]! == "Vary");
    }

    [Fact]
    public void ARouteTheSdkAlreadyCompressed_IsLeftAsItIs()
    {
        var endpoints = new JsonArray(
            Endpoint("app.css", "app.css.gz", "gzip", "no-cache"),
            Endpoint("app.x1y2z3w4v5.css", "app.css", null, "max-age=31536000, immutable", ("fingerprint", "x1y2z3w4v5"), ("label", "app.css")),
            Endpoint("app.x1y2z3w4v5.css", "app.css.gz", "gzip", "max-age=31536000, immutable", ("fingerprint", "x1y2z3w4v5"), ("label", "app.css")));

        Assert.Equal(0, CompressedFingerprintedAssets.Complete(endpoints));
        Assert.Equal(3, endpoints.Count);
    }
}
