namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Everything the list of nominations shows, gathered before any paragraph or cell is written: the Word list
/// (<see cref="AwardListWordDocument"/>) and the Excel list (<see cref="AwardListWorkbook"/>) are two layouts of it. The
/// header facts are named as the quarterly report names them (decision 048): a People's Committee for a commune or a
/// district, the Department under "UBND TỈNH …" for the province.
/// </summary>
/// <param name="GoverningBody">The line above the issuing body for a Department ("UBND TỈNH BẮC GIANG"); null for a People's Committee.</param>
/// <param name="IssuingBody">Upper case: "UBND HUYỆN LỤC NAM", the Department's name.</param>
/// <param name="IssuerInSentence">"Ủy ban nhân dân huyện Lục Nam", "Sở Khoa học và Công nghệ".</param>
/// <param name="NumberSymbol">After "Số: …/": "DS-UBND", "DS-SKHCN".</param>
/// <param name="Place">The place of the date line: "Lục Nam".</param>
/// <param name="ScopeInSentence">Whose nominations: "huyện Lục Nam và các đơn vị trực thuộc", "các đơn vị trong tỉnh".</param>
/// <param name="Recipients">The lines under "Nơi nhận:", the last one "- Lưu: VT.".</param>
/// <param name="SignatureAuthority">"TM. ỦY BAN NHÂN DÂN", or null for the Department's director.</param>
/// <param name="SignatureTitle">"CHỦ TỊCH", "GIÁM ĐỐC".</param>
/// <param name="Rows">Submitted onward (never a draft or a returned one), ordered by form, then nominating unit, then name.</param>
public sealed record AwardListDocument(
    int UnitId,
    string UnitName,
    int Year,
    string? GoverningBody,
    string IssuingBody,
    string IssuerInSentence,
    string NumberSymbol,
    string Place,
    DateOnly Date,
    string ScopeInSentence,
    IReadOnlyList<string> Recipients,
    string? SignatureAuthority,
    string SignatureTitle,
    IReadOnlyList<AwardListRow> Rows)
{
    public const string Title = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG";

    /// <summary>The line under the title: "Ngày Chuyển đổi số 10/10/2026".</summary>
    public string Occasion => $"Ngày Chuyển đổi số 10/10/{Year}";
}
