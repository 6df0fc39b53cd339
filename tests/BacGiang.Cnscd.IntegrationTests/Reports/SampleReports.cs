using System.Text;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;

namespace BacGiang.Cnscd.IntegrationTests.Reports;

/// <summary>
/// Reports built by hand for the layout tests: a district of twelve communes whose figures follow from the row's index,
/// and narratives of any length made of numbered sentences, so a missing piece of text names itself.
/// </summary>
internal static class SampleReports
{
    public static readonly string[] Communes =
    [
        "Xã Bảo Đài", "Xã Bảo Sơn", "Xã Bình Sơn", "Xã Cẩm Lý", "Xã Chu Điện", "Xã Cương Sơn",
        "Xã Đan Hội", "Xã Đông Hưng", "Xã Đông Phú", "Xã Huyền Sơn", "Xã Khám Lạng", "Xã Lan Mẫu",
    ];

    public static IndicatorSet FiguresOf(int index) => new()
    {
        Teams = 10 + index,
        TeamsConstituted = 9 + index,
        TeamsGoverned = 8 + index,
        Members = 120 + 7 * index,
        MembersByAffiliation = [20 + index, 15, 18, 22, 10, 5, 30 + 6 * index],
        Households = 2_500 + 137 * index,
        HouseholdsCovered = 1_900 + 111 * index,
        HouseholdsCoveredByAssistance = 140 + 3 * index,
        HouseholdsBySkill = [1_500 + index, 1_200 + 2 * index, 1_300 + 3 * index, 1_100 + 4 * index, 900 + 5 * index],
        HouseholdsWithVneid = 2_100 + 90 * index,
        HouseholdsWithPublicServiceAccount = 1_700 + 80 * index,
        VisitsInQuarter = 300 + 11 * index,
        Trainings = 2 + index % 3,
        TrainingAttendees = 60 + index,
        OutreachActivities = 4 + index % 2,
        PracticeModels = 1 + index % 2,
        PracticeModelsBySkill = [0, 0, 1 + index % 2, 0, index % 2],
    };

    public static ReportDocument District(ReportNarrative narrative, bool draft = false)
    {
        var rows = Communes.Select((name, i) => new UnitFigures(100 + i, name, FiguresOf(i), FromSubmittedReport: true, ReportStatus.Approved,
            [new TargetValue(TargetIndicator.HouseholdsCovered, 80m, new DateOnly(2026, 12, 31))])).ToList();
        var figures = new ReportFigures(new DateOnly(2026, 12, 31), rows, [new TargetValue(TargetIndicator.HouseholdsCovered, 85m, new DateOnly(2026, 12, 31))]);
        return new ReportDocument(7, null, "UBND HUYỆN LỤC NAM", "Ủy ban nhân dân huyện Lục Nam", "BC-UBND", "Lục Nam", new DateOnly(2026, 12, 18),
            "Sở Khoa học và Công nghệ", "Huyện Lục Nam", new ReportingPeriod(2026, 4), figures, narrative, "Xã, phường, thị trấn", draft,
            ReportSignature.PeoplesCommittee, ChildrenReport: true);
    }

    /// <summary>Exactly <paramref name="length"/> characters of numbered Vietnamese sentences, a new paragraph every few sentences.</summary>
    public static string Narrative(int length, string tag)
    {
        var text = new StringBuilder();
        for (var i = 1; text.Length < length; i++)
        {
            text.Append(tag).Append(" câu ").Append(i)
                .Append(": tổ đã hướng dẫn người dân cài đặt VNeID, nộp hồ sơ dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.");
            text.Append(i % 5 == 0 ? "\n" : " ");
        }

        return text.ToString(0, length).TrimEnd();
    }
}
