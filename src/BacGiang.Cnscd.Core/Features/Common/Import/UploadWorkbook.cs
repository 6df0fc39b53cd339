using System.IO.Compression;
using System.Xml;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// An uploaded .xlsx opened for bounded reading (decision 044): the zip's directory is checked before anything is
/// inflated (entry count, each entry's and the total uncompressed size, compression ratio), then the workbook's
/// sheet list, relationships, date styles and shared strings are read with <see cref="XlsxXml"/>. Nothing here
/// evaluates a formula or resolves an embedded object: a cell is what the file stores.
/// </summary>
internal sealed class UploadWorkbook : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly Dictionary<string, string> _sheetPaths;
    private readonly string? _sharedStringsPath;
    private List<string?>? _sharedStrings;

    private UploadWorkbook(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, ReadBudget budget)
    {
        _zip = zip;
        _entries = entries;
        Budget = budget;
        var workbookPath = Resolve("", RelationshipTargets("_rels/.rels", "/officeDocument").FirstOrDefault() ?? "xl/workbook.xml");
        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relsPath = folder + "_rels/" + workbookPath[folder.Length..] + ".rels";
        var relationships = Relationships(relsPath);
        (SheetNames, _sheetPaths) = ReadSheets(workbookPath, relationships, folder);
        _sharedStringsPath = relationships.Values.Where(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal))
            .Select(r => Resolve(folder, r.Target)).FirstOrDefault();
        var stylesPath = relationships.Values.Where(r => r.Type.EndsWith("/styles", StringComparison.Ordinal))
            .Select(r => Resolve(folder, r.Target)).FirstOrDefault();
        DateStyles = stylesPath is null || !_entries.ContainsKey(stylesPath) ? [] : XlsxStyles.DateStyles(Open(stylesPath), budget);
    }

    public ReadBudget Budget { get; }

    /// <summary>The sheets in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>For each cell style index, whether a number in it is a date.</summary>
    public IReadOnlyList<bool> DateStyles { get; }

    /// <summary>
    /// Opens <paramref name="content"/> and checks its zip directory. Throws <see cref="UploadRefusedException"/> when a
    /// bound is crossed, and <see cref="InvalidDataException"/> or <see cref="XmlException"/> when it is not a workbook.
    /// </summary>
    public static UploadWorkbook Open(Stream content, ReadBudget budget)
    {
        var limits = budget.Limits;
        var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw new UploadRefusedException(ExcelMessages.Unsafe);
            }

            long total = 0;
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? entry.Length : entry.Length / entry.CompressedLength;
                if (entry.Length > limits.MaxEntryBytes || total > limits.MaxTotalBytes
                    || (entry.Length >= limits.RatioCheckFromBytes && ratio > limits.MaxCompressionRatio))
                {
                    throw new UploadRefusedException(ExcelMessages.Unsafe);
                }

                // Two entries of one name would let the checked one differ from the read one: the first is the only one read.
                entries.TryAdd(entry.FullName.TrimStart('/'), entry);
            }

            return new UploadWorkbook(zip, entries, budget);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>A reader over a part of the package, bounded in bytes and time; null-safe callers check <see cref="Has"/> first.</summary>
    public XmlReader Open(string path)
    {
        if (!_entries.TryGetValue(path, out var entry))
        {
            throw new InvalidDataException("missing part");
        }

        var stream = new BoundedEntryStream(entry.Open(), Budget.Limits.MaxEntryBytes, Budget);
        return XmlReader.Create(stream, XlsxXml.Settings(Budget.Limits));
    }

    public bool Has(string path) => _entries.ContainsKey(path);

    /// <summary>The package path of a sheet's XML, or null when the workbook names it but does not hold it.</summary>
    public string? SheetPath(string name) => _sheetPaths.TryGetValue(name, out var path) && Has(path) ? path : null;

    /// <summary>The workbook's shared strings, read once; an entry longer than a cell may be is null.</summary>
    public IReadOnlyList<string?> SharedStrings => _sharedStrings ??= ReadSharedStrings();

    public void Dispose() => _zip.Dispose();

    private List<string?> ReadSharedStrings()
    {
        var strings = new List<string?>();
        if (_sharedStringsPath is null || !Has(_sharedStringsPath))
        {
            return strings;
        }

        using var reader = Open(_sharedStringsPath);
        var limits = Budget.Limits;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if (strings.Count >= limits.MaxCells)
                {
                    throw new UploadRefusedException(ExcelMessages.TooManyCells(limits.MaxCells));
                }

                var text = XlsxRichText.Read(reader, limits.MaxCellChars);
                Budget.SpendText(text?.Length ?? 0);
                strings.Add(text);
                if (strings.Count % 1024 == 0)
                {
                    Budget.Check();
                }

                continue;
            }

            reader.Read();
        }

        return strings;
    }

    private (IReadOnlyList<string> Names, Dictionary<string, string> Paths) ReadSheets(string workbookPath,
        Dictionary<string, (string Type, string Target)> relationships, string folder)
    {
        var names = new List<string>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = Open(workbookPath);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet")
            {
                continue;
            }

            var name = XlsxXml.Attribute(reader, "name");
            var id = XlsxXml.Attribute(reader, "id", namespaced: true);
            if (name is null || id is null || !relationships.TryGetValue(id, out var target) || names.Count >= Budget.Limits.MaxEntries)
            {
                continue;
            }

            if (paths.TryAdd(name, Resolve(folder, target.Target)))
            {
                names.Add(name);
            }
        }

        return (names, paths);
    }

    private IEnumerable<string> RelationshipTargets(string relsPath, string typeSuffix) =>
        Relationships(relsPath).Values.Where(r => r.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Select(r => r.Target);

    private Dictionary<string, (string Type, string Target)> Relationships(string relsPath)
    {
        var relationships = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (!Has(relsPath))
        {
            return relationships;
        }

        using var reader = Open(relsPath);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == RelationshipsNamespace
                && XlsxXml.Attribute(reader, "TargetMode") != "External"
                && XlsxXml.Attribute(reader, "Id") is { } id && XlsxXml.Attribute(reader, "Target") is { } target
                && relationships.Count < Budget.Limits.MaxEntries)
            {
                relationships.TryAdd(id, (XlsxXml.Attribute(reader, "Type") ?? "", target));
            }
        }

        return relationships;
    }

    /// <summary>A relationship target as a package path: relative to the source part's folder, or absolute from "/"; ".." resolved.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
