using BacGiang.Cnscd.Web.Components.Pages;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;

namespace BacGiang.Cnscd.Web.Tests.Pages;

/// <summary>The stat card renders only its parameters: no database.</summary>
public class StatCardTests : ViewTestBase
{
    [Fact]
    public void StatCard_ShowsLabelAndNumberInVietnameseFormat()
    {
        var card = Render<StatCard>(p => p.Add(c => c.Label, "Hộ gia đình").Add(c => c.Value, 540_000));
        Assert.Contains("Hộ gia đình", card.Markup, StringComparison.Ordinal);
        Assert.Contains("540.000", card.Markup, StringComparison.Ordinal);
    }
}
