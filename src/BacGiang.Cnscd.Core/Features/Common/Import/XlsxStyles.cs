using System.Xml;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>Which cell styles of a workbook show a number as a date: a date cell is a number with a date format.</summary>
internal static class XlsxStyles
{
    // Excel's built-in date and time formats (ECMA-376 §18.8.30, with the East Asian ones).
    private static readonly HashSet<int> BuiltInDates = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    /// <summary>For each entry of &lt;cellXfs&gt;, whether its number format is a date; disposes <paramref name="reader"/>.</summary>
    public static IReadOnlyList<bool> DateStyles(XmlReader reader, ReadBudget budget)
    {
        using (reader)
        {
            var customDates = new HashSet<int>();
            var styles = new List<bool>();
            var inCellXfs = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
                {
                    inCellXfs = false;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "numFmt" when int.TryParse(XlsxXml.Attribute(reader, "numFmtId"), out var id)
                                       && IsDateFormat(XlsxXml.Attribute(reader, "formatCode") ?? ""):
                        customDates.Add(id);
                        break;
                    case "cellXfs":
                        inCellXfs = !reader.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs:
                        if (styles.Count >= budget.Limits.MaxCells)
                        {
                            throw new UploadRefusedException(ExcelMessages.Unsafe);
                        }

                        var format = int.TryParse(XlsxXml.Attribute(reader, "numFmtId"), out var f) ? f : 0;
                        styles.Add(BuiltInDates.Contains(format) || customDates.Contains(format));
                        break;
                }
            }

            return styles;
        }
    }

    /// <summary>
    /// Whether a format code shows a date or time: a d, m, y, h or s outside quoted text, escapes and [colour]/[$-locale]
    /// brackets ("dd/mm/yyyy", "[$-42A]d mmmm yyyy", but not "0.00", "#,##0 \"đ\"" or "@").
    /// </summary>
    internal static bool IsDateFormat(string code)
    {
        var section = code.Split(';')[0];
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    var close = section.IndexOf('"', i + 1);
                    i = close < 0 ? section.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = section.IndexOf(']', i + 1);
                    var inside = end < 0 ? "" : section[(i + 1)..end];
                    // [h], [mm], [ss] are elapsed time; [Red], [$-42A] are not date parts.
                    if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                    {
                        return true;
                    }

                    i = end < 0 ? section.Length : end;
                    break;
                default:
                    if (char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
