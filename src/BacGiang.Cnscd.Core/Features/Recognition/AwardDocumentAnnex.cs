namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// The annex of the province's commendation decisions of a year: the nominations for the Chairman's certificate that are
/// decided or awarded, one <see cref="AwardDecision"/> per decision number (<see cref="AwardDocumentAnnexWord"/> writes it).
/// </summary>
public sealed record AwardDocumentAnnex(int Year, IReadOnlyList<AwardDecision> Decisions);

/// <summary>One decision and the nominations it commends: the collectives first, then the individuals, each by unit then name.</summary>
/// <param name="DeciderInSentence">Who decides, named as on the decision's day: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang".</param>
public sealed record AwardDecision(string Number, DateOnly? Date, string DeciderInSentence, IReadOnlyList<AwardListRow> Rows);
