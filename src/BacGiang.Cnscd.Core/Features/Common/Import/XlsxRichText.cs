using System.Text;
using System.Xml;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>The text of a shared string (&lt;si&gt;) or an inline string (&lt;is&gt;): its runs joined, phonetic hints left out.</summary>
internal static class XlsxRichText
{
    /// <summary>The cleaned text, or null when longer than <paramref name="maxChars"/>. Leaves the reader on the node after the element.</summary>
    public static string? Read(XmlReader reader, int maxChars)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var sb = new StringBuilder();
        var tooLong = false;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "t")
            {
                var run = tooLong ? null : XlsxXml.ReadText(reader, maxChars - sb.Length);
                if (run is null)
                {
                    tooLong = true;
                    continue;
                }

                sb.Append(run);
            }
            else if (reader.LocalName == "r" && !reader.IsEmptyElement)
            {
                // A formatted run: its <t> is read above, its <rPr> skipped below.
                reader.Read();
            }
            else
            {
                // <rPh> (phonetic hints), <rPr>, <phoneticPr>: not part of what the cell shows.
                reader.Skip();
            }
        }

        reader.Read();
        return tooLong ? null : ImportText.Clean(ImportText.DecodeEscapes(sb.ToString()));
    }
}
