using System.Globalization;
using System.Text;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>Text of uploaded cells: decoding the file's escapes, removing what cannot be seen, and echoing it safely in messages.</summary>
public static class ImportText
{
    /// <summary><see cref="Clean(string)"/>, and null when nothing is left (or there was nothing): what a form's optional field stores.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text) is { Length: > 0 } kept ? kept : null;

    /// <summary>
    /// The text without control and invisible characters (NUL, ESC, zero-width spaces, bidi overrides such as
    /// U+202E, the BOM, soft hyphens), in NFC, trimmed. Such characters cannot be seen in Excel nor on a page, so
    /// two cells that look the same must be the same (duplicate detection, search keys). Tab and line feed stay:
    /// Excel writes Alt+Enter as a line feed in a multi-line cell.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var drop = status != System.Buffers.OperationStatus.Done || IsInvisible(rune);
            if (drop && sb is null)
            {
                sb = new StringBuilder(text.Length);
                sb.Append(text, 0, i);
            }
            else if (!drop && sb is not null)
            {
                sb.Append(text, i, consumed);
            }

            i += consumed;
        }

        var kept = sb?.ToString() ?? text;
        if (!kept.IsNormalized(NormalizationForm.FormC))
        {
            kept = kept.Normalize(NormalizationForm.FormC);
        }

        return kept.Trim();
    }

    /// <summary>A cell's text as a message may quote it: at most <paramref name="max"/> characters, then "…".</summary>
    public static string Echo(string? text, int max = 50)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
    }

    private static bool IsInvisible(Rune rune)
    {
        if (rune.Value is '\t' or '\n')
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;
    }

    /// <summary>
    /// Decodes the "_xHHHH_" escapes with which Excel writes characters that XML cannot carry (ESC is "_x001B_",
    /// a literal "_x" is "_x005F_x"). Done before <see cref="Clean"/>, so an escaped control character is removed too.
    /// </summary>
    internal static string DecodeEscapes(string raw)
    {
        var at = raw.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            if (i + 6 < raw.Length && raw[i] == '_' && raw[i + 1] == 'x' && raw[i + 6] == '_'
                && int.TryParse(raw.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 7;
            }
            else
            {
                sb.Append(raw[i]);
                i++;
            }
        }

        return sb.ToString();
    }
}
