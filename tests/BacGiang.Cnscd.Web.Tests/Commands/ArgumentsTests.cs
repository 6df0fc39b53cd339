using BacGiang.Cnscd.Web.Commands;

namespace BacGiang.Cnscd.Web.Tests.Commands;

/// <summary>A verb's own options and flags stay out of the host's configuration, whatever their order.</summary>
public class ArgumentsTests
{
    [Fact]
    public void AFlagBeforeAHostSetting_DoesNotSwallowIt()
    {
        var args = new Arguments(
            ["restructure", "--plan", "/tmp/plan.csv", "--effective", "2025-07-01", "--apply", "--Database:Provider=PostgreSql", "--ConnectionStrings:Cnscd=Host=db"],
            TextReader.Null);

        Assert.Equal(["restructure", "--Database:Provider=PostgreSql", "--ConnectionStrings:Cnscd=Host=db"], args.HostArgs);
        Assert.True(args.Has("--apply"));
        Assert.Equal("/tmp/plan.csv", args.Value("--plan"));
    }

    [Fact]
    public void UndoAndRepair_AreTheVerbs()
    {
        Assert.Equal(["restructure", "--contentRoot", "."], new Arguments(["restructure", "--undo", "3", "--contentRoot", "."], TextReader.Null).HostArgs);
        Assert.Equal(["verify-summaries", "--x=1"], new Arguments(["verify-summaries", "--repair", "--x=1"], TextReader.Null).HostArgs);
    }
}
