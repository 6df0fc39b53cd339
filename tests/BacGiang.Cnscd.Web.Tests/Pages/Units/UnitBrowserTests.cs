using BacGiang.Cnscd.Web.Components.Pages.Units;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Units;

public class UnitBrowserTests : ComponentTestBase
{
    private IRenderedComponent<UnitBrowser> RenderBrowser(int? unitId)
    {
        Render<MudPopoverProvider>();
        return Render<UnitBrowser>(p => p.Add(c => c.UnitId, unitId));
    }

    [Fact]
    public void UnitBrowser_District_ListsItsCommunesWithTeamCounts()
    {
        ActAs(Province);
        var page = RenderBrowser(LucNam.Id);

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.mud-table-row").Count - 1));
        Assert.Equal("Huyện Lục Nam", page.Find("#unit-title").TextContent);
        Assert.Contains("Xã Đông Hưng", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Tỉnh Bắc Giang", page.Find(".unit-breadcrumbs").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitBrowser_SearchWithoutDiacritics_FiltersTheChildren()
    {
        ActAs(Province);
        var page = RenderBrowser(LucNam.Id);
        page.WaitForAssertion(() => Assert.Contains("Thị trấn Đồi Ngô", page.Markup, StringComparison.Ordinal));

        page.Find(".unit-search input").Input("dong hung");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Xã Đông Hưng", page.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("Thị trấn Đồi Ngô", page.Markup, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void UnitBrowser_UnitOutsideTheScope_ShowsNoDataAndSignalsNotFound()
    {
        ActAs(YenThe);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = false;
        navigation.OnNotFound += (_, _) => notFound = true;

        var page = RenderBrowser(LucNam.Id);

        page.WaitForAssertion(() => Assert.Contains("Không tìm thấy đơn vị", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Huyện Lục Nam", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Đông Hưng", page.Markup, StringComparison.Ordinal);
        Assert.True(notFound);
    }
}
