namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// The hard bounds under which an uploaded workbook is read (decision 044). Every import uses <see cref="Default"/>;
/// the values are chosen so that the largest real file (20,000 households, ~1 MB zipped, ~8 MB of sheet XML) passes
/// with a wide margin while a hostile file is refused in well under five seconds and a few tens of MB.
/// </summary>
public sealed record UploadLimits
{
    /// <summary>The limits every import uses.</summary>
    public static readonly UploadLimits Default = new();

    /// <summary>Entries in the zip: a workbook saved by Excel has 10–30.</summary>
    public int MaxEntries { get; init; } = 256;

    /// <summary>Uncompressed size of any one entry, as declared and as actually read.</summary>
    public long MaxEntryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Uncompressed size of all entries together, as declared.</summary>
    public long MaxTotalBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Uncompressed ÷ compressed size of an entry; sheet XML compresses 5–40×, a bomb 1,000× and more.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are not ratio-checked: a tiny entry may compress very well and harms no one.</summary>
    public long RatioCheckFromBytes { get; init; } = 1024 * 1024;

    /// <summary>The rightmost column a cell (or the declared dimension) may use: the templates have 8–9 columns.</summary>
    public int MaxColumns { get; init; } = 64;

    /// <summary>Cell elements read from one sheet, blank ones included.</summary>
    public int MaxCells { get; init; } = 500_000;

    /// <summary>Characters in one cell, after decoding; above every field's own limit (a team task takes 2,000).</summary>
    public int MaxCellChars { get; init; } = 4_000;

    /// <summary>Characters of all text read (shared strings and inline strings together): bounds the memory a file can claim.</summary>
    public long MaxTextChars { get; init; } = 16_000_000;

    /// <summary>Row errors listed in a result; the rest are counted in one more line.</summary>
    public int MaxListedErrors { get; init; } = 500;

    /// <summary>Characters of a cell echoed in a message before it is cut with "…".</summary>
    public int MaxEchoChars { get; init; } = 50;

    /// <summary>Wall-clock time for reading one upload (not for the import's checks and save that follow).</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
