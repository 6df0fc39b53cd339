using BacGiang.Cnscd.Web.Components.Layout;
using Bunit;

namespace BacGiang.Cnscd.Web.Tests.Layout;

/// <summary>The reconnect dialog (issue 21): one short sentence per state, in Vietnamese, and no promise it cannot keep.</summary>
public class ReconnectModalTests : BunitContext
{
    [Fact]
    public void EachState_SaysOneThing_AndNothingPromisesThatTypedTextIsKept()
    {
        var dialog = Render<ReconnectModal>();

        var states = dialog.FindAll("p[class^='components-']");
        Assert.Equal(5, states.Count);
        Assert.All(states, p =>
        {
            var text = p.TextContent.Trim();
            Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
            Assert.True(text.Count(c => c is '.' or '…') == 1, $"\"{text}\" says more than one thing");
            Assert.DoesNotContain("giữ", text, StringComparison.Ordinal); // "vẫn được giữ" was not true on a quiet drop (issue 13)
        });
        Assert.Equal(["Thử lại", "Tiếp tục"], dialog.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.Equal("assertive", dialog.Find(".components-reconnect-container").GetAttribute("aria-live"));
    }
}
