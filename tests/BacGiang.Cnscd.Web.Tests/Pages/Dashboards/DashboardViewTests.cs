using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using BacGiang.Cnscd.Web.Components.Pages.Dashboards;
using DashboardViewComponent = BacGiang.Cnscd.Web.Components.Pages.Dashboards.DashboardView;

namespace BacGiang.Cnscd.Web.Tests.Pages.Dashboards;

/// <summary>
/// The dashboard component on fixture data: figures, ranking, drill-down, trend. No database: the view renders
/// only the <see cref="Core.Features.Dashboards.DashboardView"/> record it is given.
/// </summary>
public class DashboardViewTests : ViewTestBase
{
    private static DashboardFigures Figures(int households, int own, int assisted, int vneid, int teams, int constituted)
    {
        var counts = new HouseholdCounts();
        counts[SummaryCounter.Households] = households;
        counts[SummaryCounter.CoveredByOwnMember] = own;
        counts[SummaryCounter.CoveredByAssistance] = assisted;
        counts[SummaryCounter.VneidLevel2] = vneid;
        counts[SummaryCounter.SkillOnlinePayment] = own + 5;
        return new DashboardFigures(counts, teams, constituted, 1, teams, 2, 1);
    }

    private static Core.Features.Dashboards.DashboardView Fixture() => new(
        1, "24", "Tỉnh Bắc Giang", UnitLevel.Province, [(1, "Tỉnh Bắc Giang")],
        Figures(3000, 900, 300, 1500, 30, 20),
        [
            new DashboardRow(11, "215", "Huyện Yên Thế", UnitLevel.District, Figures(1000, 100, 0, 400, 10, 5)),
            new DashboardRow(12, "218", "Huyện Lục Nam", UnitLevel.District, Figures(2000, 800, 300, 1100, 20, 15)),
        ],
        [new TargetProgress(TargetIndicator.HouseholdsCovered, "Hộ gia đình được phủ", 60m, new DateOnly(2026, 12, 31), 40.0)],
        new DateOnly(2026, 11, 28));

    private IRenderedComponent<DashboardViewComponent> RenderView(IReadOnlyList<TrendPoint>? trend, Action<int>? open = null) =>
        Render<DashboardViewComponent>(p => p
            .Add(c => c.View, Fixture())
            .Add(c => c.Trend, trend)
            .Add(c => c.OnOpenUnit, (int id) => open?.Invoke(id)));

    [Fact]
    public void Figures_AreShownInVietnameseFormat_WithTheirShares()
    {
        var view = RenderView(null);

        Assert.Equal("3.000", view.Find("#figure-households").TextContent);
        Assert.Equal("1.200", view.Find("#figure-covered").TextContent);
        Assert.Contains("40,0%", view.Markup, StringComparison.Ordinal);
        Assert.Equal("20/30", view.Find("#figure-teams").TextContent);
        Assert.Equal("1/2", view.Find("#figure-reports").TextContent);
        var payment = view.FindAll(".dashboard-skill").Single(s => s.TextContent.Contains("Thanh toán trực tuyến", StringComparison.Ordinal));
        Assert.Contains("905 hộ (30,2%)", payment.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hộ gia đình được phủ (hạn 31/12/2026)", view.Find(".dashboard-targets").TextContent, StringComparison.Ordinal);
        // The trend is still loading: a progress bar, no chart yet.
        Assert.NotNull(view.Find(".dashboard-trend .mud-progress-linear"));
    }

    [Fact]
    public void PublishedModels_AreAFigure_AChildColumn_AndACountPerSkill()
    {
        var fixture = Fixture();
        var view = Render<DashboardViewComponent>(p => p
            .Add(c => c.View, fixture with
            {
                Totals = fixture.Totals with { ModelsPublished = 4, AwardsDecided = 2 },
                Children = [fixture.Children[0] with { Figures = fixture.Children[0].Figures with { ModelsPublished = 3 } }, fixture.Children[1]],
                ModelsBySkill = [(DigitalSkills.OnlinePayment, 3), (DigitalSkills.OnlineSafety, 0)],
            })
            .Add(c => c.Trend, []));

        Assert.Equal("4", view.Find("#figure-models").TextContent);
        Assert.Equal("2", view.Find("#figure-awards").TextContent);
        Assert.Equal(["0", "3"], view.FindAll(".dashboard-child-models").Select(c => c.TextContent).Order());
        var skills = view.FindAll(".dashboard-skill");
        Assert.Contains("· 3 mô hình", skills.Single(s => s.TextContent.Contains("Thanh toán trực tuyến", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("mô hình", skills.Single(s => s.TextContent.Contains("Tự bảo vệ", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void APastDay_ShowsItsHouseholdFigures_WithoutTodaysTeamAndReportFigures_AndKeepsTheDayInItsLinks()
    {
        var history = new DashboardHistory(new DateOnly(2025, 6, 30), 2025, 2, Existed: true, new DateOnly(2023, 1, 1), null);
        var view = Render<DashboardViewComponent>(p => p
            .Add(c => c.View, Fixture() with { Today = history.On, Targets = [], History = history })
            .Add(c => c.Today, new DateOnly(2026, 11, 28))
            .Add(c => c.Trend, []));

        Assert.Contains("Số liệu ngày 30/06/2025", view.Find(".dashboard-history").TextContent, StringComparison.Ordinal);
        Assert.Contains("cuối quý 2/2025", view.Find(".dashboard-history").TextContent, StringComparison.Ordinal);
        Assert.Equal("3.000", view.Find("#figure-households").TextContent);
        Assert.Empty(view.FindAll("#figure-teams"));
        Assert.Empty(view.FindAll("#figure-reports"));
        Assert.Empty(view.FindAll(".dashboard-export"));
        Assert.DoesNotContain(view.FindAll(".mud-table-sort-label"), l => l.TextContent.Contains("Báo cáo", StringComparison.Ordinal));
        Assert.All(view.FindAll(".dashboard-child-link"), a => Assert.EndsWith("?on=2025-06-30", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("2025-06-30", view.Find("#dashboard-on").GetAttribute("value"));
        Assert.Equal("2026-11-28", view.Find("#dashboard-on").GetAttribute("max"));
        Assert.NotNull(view.Find(".dashboard-date-today"));
    }

    [Fact]
    public void AUnitThatDidNotExistThatDay_SaysFromWhen()
    {
        var history = new DashboardHistory(new DateOnly(2025, 6, 30), 2025, 2, Existed: false, new DateOnly(2025, 7, 1), null);
        var view = Render<DashboardViewComponent>(p => p
            .Add(c => c.View, Fixture() with { Name = "Phường Bắc Giang", Level = UnitLevel.Commune, Children = [], Targets = [], History = history })
            .Add(c => c.Trend, []));

        Assert.Contains("Phường Bắc Giang có hiệu lực từ 01/07/2025", view.Find(".dashboard-history").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildTable_IsRankedByCoverageFirst_AndSortsByAnotherColumn()
    {
        var view = RenderView([]);

        string[] Names() => view.FindAll(".dashboard-child-link").Select(a => a.TextContent).ToArray();
        // Descending coverage: Lục Nam (55 %) before Yên Thế (10 %).
        view.WaitForAssertion(() => Assert.Equal(["Huyện Lục Nam", "Huyện Yên Thế"], Names()));
        view.FindAll(".mud-table-sort-label").First(l => l.TextContent.Contains("Đơn vị", StringComparison.Ordinal)).Click();
        view.WaitForAssertion(() => Assert.Equal(["Huyện Lục Nam", "Huyện Yên Thế"], Names()));
        view.FindAll(".mud-table-sort-label").First(l => l.TextContent.Contains("Đơn vị", StringComparison.Ordinal)).Click();
        view.WaitForAssertion(() => Assert.Equal(["Huyện Yên Thế", "Huyện Lục Nam"], Names()));
    }

    [Fact]
    public void OnAPhone_TheSortChoice_RanksByTheChosenColumn()
    {
        var view = RenderView([]);
        string[] Names() => view.FindAll(".dashboard-child-link").Select(a => a.TextContent).ToArray();
        view.FindAll(".mud-table-sort-label").First(l => l.TextContent.Contains("Đơn vị", StringComparison.Ordinal)).Click();
        view.FindAll(".mud-table-sort-label").First(l => l.TextContent.Contains("Đơn vị", StringComparison.Ordinal)).Click();
        view.WaitForAssertion(() => Assert.Equal(["Huyện Yên Thế", "Huyện Lục Nam"], Names()));

        // The header row is hidden below the sm breakpoint; the select offers the same columns, numbers highest first.
        view.Find("select.dashboard-sort-small").Change("1");

        view.WaitForAssertion(() => Assert.Equal(["Huyện Lục Nam", "Huyện Yên Thế"], Names()));
        Assert.Equal("Số hộ", view.Find("select.dashboard-sort-small option[selected]").TextContent);
    }

    [Fact]
    public void ClickingARow_OpensThatUnitsDashboard()
    {
        var opened = new List<int>();
        var view = RenderView([], opened.Add);

        view.FindAll("tr.dashboard-row").Single(r => r.TextContent.Contains("Huyện Yên Thế", StringComparison.Ordinal)).Click();

        Assert.Equal([11], opened);
    }

    [Fact]
    public void Trend_IsDrawnAsALineChart_OneLabelPerQuarter()
    {
        var view = RenderView(
        [
            new TrendPoint(2026, 3, 2800, 700, 200, 1200, 900),
            new TrendPoint(2026, 4, 3000, 1200, 300, 1500, 1000),
        ]);

        Assert.Empty(view.FindAll(".dashboard-trend .mud-progress-linear"));
        Assert.Contains("Q3/2026", view.Find(".dashboard-trend").InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Q4/2026", view.Find(".dashboard-trend").InnerHtml, StringComparison.Ordinal);
        Assert.NotEmpty(view.FindAll(".dashboard-trend svg"));
    }

    [Fact]
    public void Trend_WhileTheNextUnitsTrendLoads_StaysDimmedUnderALoadingBar_AndIsNotRedrawnByOtherRenders()
    {
        IReadOnlyList<TrendPoint> trend = [new TrendPoint(2026, 3, 2800, 700, 200, 1200, 900), new TrendPoint(2026, 4, 3000, 1200, 300, 1500, 1000)];
        var view = RenderView(trend);
        var chart = view.FindComponent<TrendChart>();
        // The chart renders a few times on its own after it first appears (it measures itself); let it settle.
        view.Render();
        var renders = chart.RenderCount;

        view.Render(p => p.Add(c => c.TrendLoading, true));

        Assert.Single(view.FindAll(".dashboard-trend .mud-progress-linear"));
        Assert.Single(view.FindAll(".dashboard-trend-chart.stale"));
        Assert.Same(chart.Instance, view.FindComponent<TrendChart>().Instance); // kept, not built again
        Assert.Equal(renders, chart.RenderCount);                                // same trend: nothing of the chart rendered again

        IReadOnlyList<TrendPoint> next = [new TrendPoint(2026, 4, 100, 50, 0, 60, 40)];
        view.Render(p => p.Add(c => c.TrendLoading, false).Add(c => c.Trend, next));

        Assert.Empty(view.FindAll(".dashboard-trend .mud-progress-linear"));
        Assert.Empty(view.FindAll(".dashboard-trend-chart.stale"));
        Assert.True(chart.RenderCount > renders);                                // a new trend is drawn (the chart's parts render too)
        Assert.DoesNotContain("Q3/2026", view.Find(".dashboard-trend").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_ThatFailedToLoad_SaysSoInVietnamese_InsteadOfSpinning()
    {
        var view = Render<DashboardViewComponent>(p => p.Add(c => c.View, Fixture()).Add(c => c.TrendFailed, true));

        Assert.Contains("Không tải được diễn biến theo quý", view.Find(".dashboard-trend").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".dashboard-trend .mud-progress-linear"));
    }
}
