using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace BacGiang.Cnscd.Core.Data.Interceptors;

internal static class AuditJson
{
    /// <summary>Keeps Vietnamese letters readable in the stored JSON instead of \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
