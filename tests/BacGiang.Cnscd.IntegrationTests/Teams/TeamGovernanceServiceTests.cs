using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Teams;

public abstract class TeamGovernanceServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));

    private static readonly byte[] Pdf = "%PDF-1.4\n% quy che\n"u8.ToArray();

    private TeamGovernanceService GovernanceFor(Actor actor, long maxBytes = 10 * 1024 * 1024) =>
        CoreServices.Create<TeamGovernanceService>(new ActorContextFactory(Database, actor), Options.Create(new AttachmentOptions { MaxBytes = maxBytes }));

    private TeamService TeamsFor(Actor actor) =>
        CoreServices.Create<TeamService>(new ActorContextFactory(Database, actor), Options.Create(new TeamOptions()));

    private async Task<Team> TeamAsync(AdministrativeUnit unit)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == unit.Id);
    }

    [Fact]
    public async Task Regulation_AndThisYearsPlan_WithDocuments_ClearTheR5Flags_AndTheFilesComeBackIntact()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var governance = GovernanceFor(actor);
        var team = await TeamAsync(Mini.C1);

        var regulation = await governance.SetRegulationAsync(team.Id, " 15/QĐ-UBND ", new DateOnly(2025, 3, 10),
            new FileUpload("C:\\Tài liệu\\Quy chế tổ.PDF", Pdf), team.Version);
        Assert.True(regulation.Succeeded, string.Join("; ", regulation.Errors));
        var plan = await governance.SaveAnnualPlanAsync(team.Id, Today.Year, "Phủ 100% hộ có người biết 05 kỹ năng số", null, regulation.Value);
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        // Saving the same year again replaces the plan, it does not add a second one.
        var again = await governance.SaveAnnualPlanAsync(team.Id, Today.Year, "Phủ 95% hộ", new FileUpload("ke-hoach.pdf", Pdf), plan.Value);
        Assert.True(again.Succeeded);

        var detail = (await governance.GetAsync(team.Id))!;
        Assert.Equal(("15/QĐ-UBND", new DateOnly(2025, 3, 10)), (detail.RegulationNumber, detail.RegulationIssuedOn));
        Assert.Equal("Quy chế tổ.pdf", detail.RegulationFile!.FileName);
        var thisYear = Assert.Single(detail.Plans);
        Assert.Equal("Phủ 95% hộ", thisYear.KeyTargets);
        var file = (await governance.OpenAttachmentAsync(detail.RegulationFile.Id))!;
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(Pdf, file.Content);
        var flags = (await TeamsFor(actor).GetTeamAsync(Mini.C1.Id))!.Governance;
        Assert.True(flags.HasRegulation);
        Assert.True(flags.HasAnnualPlan);
        // The district reads the document of a team in its scope; a commune of another district does not.
        Assert.NotNull(await GovernanceFor(MiniProvince.ActorFor(Mini.D1)).OpenAttachmentAsync(detail.RegulationFile.Id));
        Assert.Null(await GovernanceFor(MiniProvince.ActorFor(Mini.C2)).OpenAttachmentAsync(detail.RegulationFile.Id));
        await using var db = Database.CreateSystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Attachment)));
    }

    [Fact]
    public async Task Upload_WhoseContentIsNotItsExtension_OrTooBig_IsRefused_AndNothingIsStored()
    {
        var governance = GovernanceFor(MiniProvince.ActorFor(Mini.C1), maxBytes: 1024 * 1024);
        var team = await TeamAsync(Mini.C1);

        var disguised = await governance.SetRegulationAsync(team.Id, "15/QĐ-UBND", new DateOnly(2025, 3, 10),
            new FileUpload("quy-che.pdf", "MZ\u0090\u0000 this is an executable"u8.ToArray()), team.Version);
        var big = await governance.SaveAnnualPlanAsync(team.Id, Today.Year, "Chỉ tiêu", new FileUpload("ke-hoach.pdf", [.. Pdf, .. new byte[1024 * 1024]]), team.Version);
        var script = await governance.SaveAnnualPlanAsync(team.Id, Today.Year, "Chỉ tiêu", new FileUpload("ke-hoach.html", Pdf), team.Version);

        Assert.Equal([AttachmentPolicy.MismatchMessage], disguised.Errors);
        Assert.Equal(["Tệp lớn hơn 1 MB."], big.Errors);
        Assert.Equal([AttachmentPolicy.TypeMessage], script.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.Attachments.AnyAsync());
        Assert.False(await db.AnnualPlans.AnyAsync());
        Assert.Equal(team.Version, (await db.Teams.SingleAsync(t => t.Id == team.Id)).Version);
    }

    [Fact]
    public async Task Regulation_Validation_AndConcurrency()
    {
        var governance = GovernanceFor(MiniProvince.ActorFor(Mini.C1));
        var team = await TeamAsync(Mini.C1);

        var empty = await governance.SetRegulationAsync(team.Id, " ", Today.AddDays(5), null, team.Version);
        Assert.Equal([TeamGovernanceService.RegulationNumberMessage, TeamGovernanceService.RegulationDateMessage], empty.Errors);
        Assert.Equal([TeamGovernanceService.YearMessage, TeamGovernanceService.TargetsMessage],
            (await governance.SaveAnnualPlanAsync(team.Id, 1999, "", null, team.Version)).Errors);

        var first = await governance.SetRegulationAsync(team.Id, "15/QĐ-UBND", new DateOnly(2025, 3, 10), null, team.Version);
        var second = await governance.SetRegulationAsync(team.Id, "16/QĐ-UBND", new DateOnly(2025, 3, 11), null, team.Version);

        Assert.True(first.Succeeded);
        Assert.True(second.IsConflict);
        Assert.Equal("15/QĐ-UBND", (await TeamAsync(Mini.C1)).RegulationNumber);
    }
}

public sealed class SqliteTeamGovernanceServiceTests() : TeamGovernanceServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamGovernanceServiceTests() : TeamGovernanceServiceTests(DatabaseProvider.PostgreSql);
