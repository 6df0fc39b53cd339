using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// Everything a quarterly report shows, gathered before any cell or paragraph is written: the Excel workbook
/// (<see cref="ReportWorkbook"/>) and the Word document (<see cref="ReportWordDocument"/>) are two layouts of it.
/// </summary>
/// <param name="GoverningBody">The line above the issuing body when it has one (a Department: "UBND TỈNH BẮC NINH"); null for a People's Committee.</param>
/// <param name="IssuingBody">Upper case: "UBND HUYỆN LỤC NAM", "SỞ KHOA HỌC VÀ CÔNG NGHỆ".</param>
/// <param name="IssuerInSentence">The issuing body inside a sentence: "Ủy ban nhân dân huyện Lục Nam".</param>
/// <param name="NumberSymbol">The symbol after "Số: …/": "BC-UBND", "BC-SKHCN".</param>
/// <param name="Place">The place of the date line: "Lục Nam".</param>
/// <param name="Recipient">"Kính gửi": the level above (the district, the Department, or the province's committee).</param>
/// <param name="Narrative">Null for the province's compilation, which has no narrative of its own yet.</param>
/// <param name="ChildrenReport">Whether the rows are units that write their own reports (a district's communes, the province's districts or communes), listed with their status.</param>
public sealed record ReportDocument(
    int UnitId,
    string? GoverningBody,
    string IssuingBody,
    string IssuerInSentence,
    string NumberSymbol,
    string Place,
    DateOnly Date,
    string Recipient,
    string UnitName,
    ReportingPeriod Period,
    ReportFigures Figures,
    ReportNarrative? Narrative,
    string ChildColumnTitle,
    bool IsDraft,
    ReportSignature Signature,
    bool ChildrenReport)
{
    /// <summary>
    /// The day the figures stand at: the quarter's end once it has passed, the report's date before that (a report dated
    /// 02/12/2026 is "tính đến ngày 02/12/2026", not the 31/12 that has not come yet).
    /// </summary>
    public DateOnly CutOff => Figures.AsOf < Date ? Figures.AsOf : Date;

    /// <summary>The abstract under "BÁO CÁO".</summary>
    public string Abstract => $"Kết quả hoạt động của Tổ công nghệ số cộng đồng quý {Period.ToRoman()} năm {Period.Year}";

    /// <summary>The child units that write their own report, without the row of data attached to the unit itself.</summary>
    public IEnumerable<UnitFigures> ReportingChildren => ChildrenReport ? Figures.Rows.Where(r => r.UnitId != UnitId) : [];
}

/// <summary>The signature block: "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH"; a Department's director signs with no authority line.</summary>
public sealed record ReportSignature(string? Authority, string Title)
{
    public static readonly ReportSignature PeoplesCommittee = new("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");

    public static readonly ReportSignature Department = new(null, "GIÁM ĐỐC");
}
