using System.Text;
using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The text of a restructuring plan, for both of its shapes (<see cref="MergerPlanReader"/>, <see cref="VillagePlanReader"/>):
/// bounded (1 MB), UTF-8 or refused, a byte-order mark dropped, split into lines and RFC 4180 fields (no line breaks
/// inside a field).
/// </summary>
internal static class PlanCsv
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The lines of the file (the header first, line breaks removed), or why it cannot be read.</summary>
    public static (string[] Lines, ImportRowError? Error) ReadLines(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var bytes = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length <= MaxBytes && (read = csv.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return ([], new ImportRowError(0, $"Tệp kế hoạch lớn quá {MaxBytes / 1024:N0} KB."));
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length).TrimStart('\uFEFF');
            return (text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), null);
        }
        catch (DecoderFallbackException)
        {
            return ([], new ImportRowError(0, "Tệp kế hoạch không phải văn bản UTF-8 (CSV). Hãy lưu lại dưới dạng CSV UTF-8."));
        }
    }

    /// <summary>The first line of a plan held in memory, to tell which shape it has (empty when unreadable).</summary>
    public static string HeaderOf(byte[] plan)
    {
        var (lines, error) = ReadLines(new MemoryStream(plan, writable: false));
        return error is null && lines.Length > 0 ? lines[0].Trim() : "";
    }

    /// <summary>One CSV line (RFC 4180 quoting, no line breaks inside a field); null when a quote is left open.</summary>
    public static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(current.ToString());
        return fields;
    }
}
