using System.Text;
using System.Xml;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// The XML reading shared by the parts of an uploaded workbook: no DTD, no external resolution, no entity
/// expansion beyond a few characters, and element text read in chunks so that one huge cell is never a string.
/// </summary>
internal static class XlsxXml
{
    public static XmlReaderSettings Settings(UploadLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = limits.MaxEntryBytes,
        CloseInput = true,
    };

    /// <summary>
    /// The text of the element the reader is on (its text nodes only; nested elements are skipped), or null when
    /// it is longer than <paramref name="maxChars"/>. Leaves the reader on the node after the element.
    /// </summary>
    public static string? ReadText(XmlReader reader, int maxChars)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var sb = new StringBuilder();
        var buffer = new char[1024];
        var tooLong = false;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType is XmlNodeType.Element)
            {
                reader.Skip();
                continue;
            }

            if (!tooLong && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int n;
                while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    if (sb.Length + n > maxChars)
                    {
                        // The rest of the node is skipped by Read() below without being kept.
                        tooLong = true;
                        break;
                    }

                    sb.Append(buffer, 0, n);
                }
            }

            reader.Read();
        }

        reader.Read();
        return tooLong ? null : sb.ToString();
    }

    /// <summary>The value of the attribute with this local name in any namespace (r:id in transitional or strict files), or null.</summary>
    public static string? Attribute(XmlReader reader, string localName, bool namespaced = false)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return null;
        }

        try
        {
            do
            {
                if (reader.LocalName == localName && (reader.NamespaceURI.Length > 0) == namespaced)
                {
                    return reader.Value;
                }
            }
            while (reader.MoveToNextAttribute());

            return null;
        }
        finally
        {
            reader.MoveToElement();
        }
    }
}
