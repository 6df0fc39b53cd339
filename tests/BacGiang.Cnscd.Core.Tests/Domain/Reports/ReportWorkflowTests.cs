using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Tests.Domain.Reports;

/// <summary>The quarterly report state machine: every (state, action) pair, allowed or forbidden, through the entity itself.</summary>
public class ReportWorkflowTests
{
    private static readonly DateTime At = new(2026, 3, 10, 3, 0, 0, DateTimeKind.Utc);

    private static readonly ReportNarrative Complete = new("Đã hướng dẫn 120 hộ.", "Thiếu thiết bị.", "Hỗ trợ kinh phí.");

    /// <summary>The complete transition table: anything not listed here must be refused.</summary>
    public static TheoryData<ReportStatus, ReportAction, ReportStatus> Allowed => new()
    {
        { ReportStatus.Draft, ReportAction.EditNarrative, ReportStatus.Draft },
        { ReportStatus.Returned, ReportAction.EditNarrative, ReportStatus.Returned },
        { ReportStatus.Draft, ReportAction.Submit, ReportStatus.Submitted },
        { ReportStatus.Returned, ReportAction.Submit, ReportStatus.Submitted },
        { ReportStatus.Submitted, ReportAction.Approve, ReportStatus.Approved },
        { ReportStatus.Submitted, ReportAction.Return, ReportStatus.Returned },
    };

    public static TheoryData<ReportStatus, ReportAction> Forbidden
    {
        get
        {
            var allowed = Allowed.Select(row => ((ReportStatus)row[0], (ReportAction)row[1])).ToHashSet();
            var data = new TheoryData<ReportStatus, ReportAction>();
            foreach (var status in Enum.GetValues<ReportStatus>())
            {
                foreach (var action in Enum.GetValues<ReportAction>().Where(a => !allowed.Contains((status, a))))
                {
                    data.Add(status, action);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Forbidden_CoversEveryPairNotAllowed()
    {
        var total = Enum.GetValues<ReportStatus>().Length * Enum.GetValues<ReportAction>().Length;
        Assert.Equal(total, Allowed.Count + Forbidden.Count);
        Assert.Equal(10, Forbidden.Count);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AllowedAction_MovesTheReportToTheNextState(ReportStatus from, ReportAction action, ReportStatus expected)
    {
        Assert.True(ReportWorkflow.Allows(from, action));
        var report = ReportIn(from);

        Perform(report, action);

        Assert.Equal(expected, report.Status);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void ForbiddenAction_IsRefused_AndChangesNothing(ReportStatus from, ReportAction action)
    {
        Assert.False(ReportWorkflow.Allows(from, action));
        var report = ReportIn(from);
        var before = (report.Status, report.FiguresJson, report.Results, report.ReviewComment, report.Submissions.Count);

        var error = Assert.Throws<ReportTransitionException>(() => Perform(report, action));

        Assert.Equal(from, error.From);
        Assert.Contains(from.ToVietnamese(), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (report.Status, report.FiguresJson, report.Results, report.ReviewComment, report.Submissions.Count));
    }

    [Fact]
    public void Submit_FreezesTheFigures_AndKeepsEachVersion()
    {
        var report = ReportIn(ReportStatus.Draft);
        report.Submit(Complete, "{\"v\":1}", "u1", At);
        report.Return("Sai số hộ", "d1", At.AddDays(1));
        report.EditNarrative(Complete with { Results = "Đã hướng dẫn 130 hộ." });
        report.Submit(report.Narrative, "{\"v\":2}", "u1", At.AddDays(2));
        report.Approve("d1", At.AddDays(3));

        Assert.Equal("{\"v\":2}", report.FiguresJson);
        Assert.Equal([1, 2], report.Submissions.Select(s => s.Number));
        var first = report.Submissions[0];
        Assert.Equal(("{\"v\":1}", "Đã hướng dẫn 120 hộ.", ReportStatus.Returned, "Sai số hộ"), (first.FiguresJson, first.Results, first.Outcome, first.ReviewComment));
        Assert.Equal(ReportStatus.Approved, report.Submissions[1].Outcome);
        Assert.False(ReportWorkflow.IsEditable(report.Status));
    }

    [Theory]
    [InlineData(null, "b", "c", ReportNarrative.ResultsField)]
    [InlineData("a", "  ", "c", ReportNarrative.DifficultiesField)]
    [InlineData("a", "b", "", ReportNarrative.ProposalsField)]
    public void Submit_WithARequiredPartEmpty_NamesTheField_AndSubmitsNothing(string? results, string? difficulties, string? proposals, string field)
    {
        var narrative = new ReportNarrative(results, difficulties, proposals);
        var errors = narrative.ValidateForSubmission();
        Assert.Equal([field], errors.Keys);
        Assert.Contains(ReportNarrative.Label(field), errors[field], StringComparison.Ordinal);

        var report = ReportIn(ReportStatus.Draft);
        Assert.Throws<InvalidOperationException>(() => report.Submit(narrative, "{}", "u1", At));
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Empty(report.Submissions);
    }

    [Fact]
    public void Return_WithoutAReason_IsRefused()
    {
        var report = ReportIn(ReportStatus.Submitted);
        Assert.Throws<ArgumentException>(() => report.Return("  ", "d1", At));
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Theory]
    [InlineData(1, "2026-01-01", "2026-03-31", "2026-03-20", "2026-03-15")]
    [InlineData(2, "2026-04-01", "2026-06-30", "2026-06-20", "2026-06-15")]
    [InlineData(3, "2026-07-01", "2026-09-30", "2026-09-20", "2026-09-15")]
    [InlineData(4, "2026-10-01", "2026-12-31", "2026-12-20", "2026-12-15")]
    public void Period_KnowsItsDaysAndDeadlines(int quarter, string start, string end, string districtDue, string communeDue)
    {
        var period = new ReportingPeriod(2026, quarter);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(DateOnly.Parse(districtDue, System.Globalization.CultureInfo.InvariantCulture), period.DistrictDueDate);
        Assert.Equal(DateOnly.Parse(communeDue, System.Globalization.CultureInfo.InvariantCulture), period.DefaultCommuneDueDate);
        Assert.Equal(period, ReportingPeriod.Containing(period.End));
    }

    private static QuarterlyReport ReportIn(ReportStatus status)
    {
        var report = new QuarterlyReport { UnitId = 1, Year = 2026, Quarter = 1 };
        if (status == ReportStatus.Draft)
        {
            return report;
        }

        report.Submit(Complete, "{\"v\":0}", "u1", At);
        if (status == ReportStatus.Approved)
        {
            report.Approve("d1", At);
        }
        else if (status == ReportStatus.Returned)
        {
            report.Return("Bổ sung số liệu", "d1", At);
        }

        Assert.Equal(status, report.Status);
        return report;
    }

    private static void Perform(QuarterlyReport report, ReportAction action)
    {
        switch (action)
        {
            case ReportAction.EditNarrative:
                report.EditNarrative(Complete with { Results = "Sửa lại" });
                break;
            case ReportAction.Submit:
                report.Submit(Complete, "{\"v\":9}", "u1", At);
                break;
            case ReportAction.Approve:
                report.Approve("d1", At);
                break;
            case ReportAction.Return:
                report.Return("Lý do", "d1", At);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
