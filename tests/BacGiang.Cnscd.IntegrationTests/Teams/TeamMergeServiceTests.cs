using BacGiang.Cnscd.Core.Time;
using System.Data.Common;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Teams;

public abstract class TeamMergeServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));

    private static readonly DateOnly Joined = new(2025, 1, 1);

    private TeamMergeService MergeFor(Actor actor) => CoreServices.Create<TeamMergeService>(new ActorContextFactory(Database, actor));

    private TeamService TeamsFor(Actor actor) =>
        CoreServices.Create<TeamService>(new ActorContextFactory(Database, actor), Options.Create(new TeamOptions()));

    /// <summary>The commune team before the merge: the chair (leader), a plain member who will leave, and a member who is also on the Project 06 list.</summary>
    private async Task<Team> SeedCommuneTeamAsync()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var roster = CoreServices.Create<TeamRosterService>(new ActorContextFactory(Database, actor));
        await using var db = Database.CreateSystemContext();
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == Mini.C1.Id);
        var version = team.Version;
        foreach (var input in new[]
        {
            new MemberInput("Nguyễn Văn Chủ", 1975, "0911000001", null, TeamPosition.Leader, OfficialTitle.CommuneChair, Affiliation.Official, Joined),
            new MemberInput("Phạm Văn Rời", 1990, "0911000009", null, TeamPosition.Member, OfficialTitle.None, Affiliation.Citizen, Joined),
            new MemberInput("Lê Thị Đoàn", 1995, "0911000003", null, TeamPosition.Member, OfficialTitle.None, Affiliation.YouthUnion, Joined),
        })
        {
            var result = await roster.AddMemberAsync(team.Id, input, version);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            version = result.Value;
        }

        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == team.Id);
    }

    /// <summary>The Project 06 working team: the police chief, the youth secretary again (same phone), and one person twice (same name and year).</summary>
    private static readonly MergeEntry[] Project06 =
    [
        new("Trần Văn Công", 1980, "0911 000 002", Affiliation.Police, OfficialTitle.CommunePoliceChief),
        new("Le Thi Doan", 1995, "0911000003", Affiliation.YouthUnion, OfficialTitle.CommuneYouthUnionSecretary),
        new("Hoàng Văn Sáu", 1988, null, Affiliation.Police),
        new("Hoàng  văn sáu", 1988, "0911000006", Affiliation.Police),
    ];

    private async Task<MergeAnalysis> AnalyseAndChooseAsync(TeamMergeService merge, Team team)
    {
        var analysis = (await merge.AnalyseAsync(team.Id, Project06))!;
        Assert.False(analysis.HasErrors, string.Join("; ", analysis.RowErrors));
        analysis.Candidates.Single(c => c.FullName == "Phạm Văn Rời").Keep = false;
        return analysis;
    }

    [Fact]
    public async Task Analyse_FoldsTheSamePerson_ByPhone_AndByNameAndYearOfBirth()
    {
        var team = await SeedCommuneTeamAsync();
        var analysis = (await MergeFor(MiniProvince.ActorFor(Mini.C1)).AnalyseAsync(team.Id, Project06))!;

        Assert.Equal(5, analysis.Candidates.Count); // 3 current + police chief + one Hoàng Văn Sáu
        var doan = analysis.Candidates.Single(c => c.FullName == "Lê Thị Đoàn");
        Assert.Equal(MergeSource.Both, doan.Source);
        Assert.Equal(OfficialTitle.CommuneYouthUnionSecretary, doan.Title);
        Assert.Equal(TeamPosition.Deputy, doan.Position);
        Assert.Equal(["Dòng 2 là thành viên hiện tại của tổ (cùng số điện thoại)."], doan.Notes);
        var sau = analysis.Candidates.Single(c => c.FullName == "Hoàng Văn Sáu");
        Assert.Equal([3, 4], sau.InputRows);
        Assert.Equal(["Dòng 4 trùng với dòng 3 (cùng họ tên và năm sinh)."], sau.Notes);
        var police = analysis.Candidates.Single(c => c.FullName == "Trần Văn Công");
        Assert.Equal((MergeSource.Project06, TeamPosition.Deputy, "0911000002"), (police.Source, police.Position, police.Phone));
    }

    [Fact]
    public async Task Analyse_ListsBadRows_WithTheirRowNumbers()
    {
        var team = await SeedCommuneTeamAsync();
        var analysis = (await MergeFor(MiniProvince.ActorFor(Mini.C1)).AnalyseAsync(team.Id,
            [new("", 1980, null), new("Ngô Văn Số", 1980, "0123"), new("Vi Văn Thôn", 1980, null, Title: OfficialTitle.VillageHead)]))!;

        Assert.Equal(
            [$"Dòng 1: {TeamRosterService.NameMessage}", $"Dòng 2: {TeamRosterService.PhoneMessage}", $"Dòng 3: {TeamRosterService.TitleMessage}"],
            analysis.RowErrors);
        Assert.Equal([TeamMergeService.NothingToMergeMessage], (await MergeFor(MiniProvince.ActorFor(Mini.C1)).AnalyseAsync(team.Id, []))!.RowErrors);
        Assert.Null(await MergeFor(MiniProvince.ActorFor(Mini.C1)).AnalyseAsync((await ForeignTeamIdAsync()), Project06));

        // The district reads the team but does not restructure it, nor get its phone book this way.
        var district = (await MergeFor(MiniProvince.ActorFor(Mini.D1)).AnalyseAsync(team.Id, Project06))!;
        Assert.Equal([TeamService.RoleMessage], district.RowErrors);
        Assert.Empty(district.Candidates);
    }

    /// <summary>
    /// The downloaded roster template filled in with the Project 06 roster (each row: name, year, phone, zalo, position, office,
    /// affiliation, task) and saved as a real .xlsx file on disk, read back through a file stream as an upload would be.
    /// </summary>
    private static FileStream Project06File(params string[][] rows)
    {
        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(TeamExcelService.CreateTemplate())))
        {
            var sheet = workbook.Worksheet("Thành viên tổ");
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
                }
            }

            var path = Path.Combine(Path.GetTempPath(), $"to-de-an-06-{Guid.NewGuid():N}.xlsx");
            workbook.SaveAs(path);
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.DeleteOnClose);
        }
    }

    [Fact]
    public async Task AnalyseWorkbook_Project06Sheet_YieldsItsEntries_AndFoldsTheDuplicates_WithSheetRowNumbers()
    {
        var team = await SeedCommuneTeamAsync();
        await using var file = Project06File(
            ["Trần Văn Công", "1980", "0911 000 002", "", "Tổ phó", "Trưởng Công an xã", "Công an", ""],
            ["Le Thi Doan", "1995", "0911000003", "", "Tổ phó", "bi thu doan xa", "Đoàn Thanh niên", ""],
            ["Hoàng Văn Sáu", "1988", "", "", "Thành viên", "", "Công an", ""],
            ["Hoàng  văn sáu", "1988", "0911000006", "", "Thành viên", "", "Công an", ""],
            ["", "", "", "", "", "", "", ""],
            ["Đinh Thị Bảy", "", "0911000007", "", "Tổ trưởng", "", "Người dân", ""]);

        var analysis = (await MergeFor(MiniProvince.ActorFor(Mini.C1)).AnalyseWorkbookAsync(team.Id, file))!;

        Assert.False(analysis.HasErrors, string.Join("; ", analysis.RowErrors));
        // 3 current + police chief + one Hoàng Văn Sáu + Đinh Thị Bảy; the blank sheet row 6 is skipped.
        Assert.Equal(6, analysis.Candidates.Count);
        var police = analysis.Candidates.Single(c => c.FullName == "Trần Văn Công");
        Assert.Equal((MergeSource.Project06, TeamPosition.Deputy, OfficialTitle.CommunePoliceChief, Affiliation.Police, "0911000002", 1980),
            (police.Source, police.Position, police.Title, police.Affiliation, police.Phone, police.BirthYear));
        Assert.Equal([2], police.InputRows);
        var doan = analysis.Candidates.Single(c => c.FullName == "Lê Thị Đoàn");
        Assert.Equal((MergeSource.Both, OfficialTitle.CommuneYouthUnionSecretary), (doan.Source, doan.Title));
        Assert.Equal(["Dòng 3 là thành viên hiện tại của tổ (cùng số điện thoại)."], doan.Notes);
        var sau = analysis.Candidates.Single(c => c.FullName == "Hoàng Văn Sáu");
        Assert.Equal([4, 5], sau.InputRows);
        Assert.Equal(["Dòng 5 trùng với dòng 4 (cùng họ tên và năm sinh)."], sau.Notes);
        Assert.Equal("0911000006", sau.Phone);
        // The position the sheet asks for is the suggestion (the officer still chooses); R1 then says what it lacks.
        var bay = analysis.Candidates.Single(c => c.FullName == "Đinh Thị Bảy");
        Assert.Equal((TeamPosition.Leader, Affiliation.Citizen, (int?)null), (bay.Position, bay.Affiliation, bay.BirthYear));

        // Reading and analysing write nothing.
        await using var db = Database.CreateSystemContext();
        Assert.Equal(3, await db.TeamMembers.CountAsync(m => m.TeamId == team.Id));
        Assert.Equal(team.Version, (await db.Teams.SingleAsync(t => t.Id == team.Id)).Version);
        Assert.False(await db.People.AnyAsync(p => p.FullName == "Trần Văn Công" || p.FullName == "Đinh Thị Bảy"));
    }

    [Fact]
    public async Task AnalyseWorkbook_BadFiles_GiveTheImportsRowMessages_AndChangeNothing()
    {
        var team = await SeedCommuneTeamAsync();
        var merge = MergeFor(MiniProvince.ActorFor(Mini.C1));

        await using var rows = Project06File(
            ["", "1980", "0922000010", "", "Thành viên", "", "Người dân", ""],
            ["Số Sai", "1980", "09123", "", "Thành viên", "", "Người dân", ""],
            ["Vị Trí Lạ", "198x", "0922000012", "", "Đội trưởng", "", "Hội nông dân", ""],
            ["Chức Vụ Thôn", "1980", "0922000016", "", "Tổ phó", "Công an viên", "Công an", ""],
            ["Chức Vụ Lạ", "1980", "0922000017", "", "Tổ phó", "Giám đốc", "Công an", ""],
            ["Hợp Lệ", "1980", "0922000018", "", "Thành viên", "", "Người dân", ""]);
        var bad = (await merge.AnalyseWorkbookAsync(team.Id, rows))!;
        Assert.Equal(
        [
            $"Dòng 2: {TeamRosterService.NameMessage}",
            $"Dòng 3: {TeamRosterService.PhoneMessage}",
            $"Dòng 4: {TeamRosterService.BirthYearMessage}",
            "Dòng 4: Vị trí 'Đội trưởng' không có trong danh mục.",
            "Dòng 4: Thuộc 'Hội nông dân' không có trong danh mục.",
            $"Dòng 5: {TeamRosterService.TitleMessage}",
            "Dòng 6: Chức vụ 'Giám đốc' không có trong danh mục.",
        ], bad.RowErrors);

        using var wrong = new ClosedXML.Excel.XLWorkbook();
        wrong.AddWorksheet("Sheet1").Cell(1, 1).SetValue("Tên");
        var wrongFile = new MemoryStream();
        wrong.SaveAs(wrongFile);
        wrongFile.Position = 0;
        var columns = (await merge.AnalyseWorkbookAsync(team.Id, wrongFile))!;
        Assert.Equal(["Dòng 1: Thiếu cột 'Họ và tên'.", "Dòng 1: Thiếu cột 'Điện thoại'.", "Dòng 1: Thiếu cột 'Vị trí'.", "Dòng 1: Thiếu cột 'Thuộc'."],
            columns.RowErrors);
        Assert.Equal([TeamExcelService.NotAWorkbook],
            (await merge.AnalyseWorkbookAsync(team.Id, new MemoryStream("Họ và tên,Điện thoại\nA,0912345678"u8.ToArray())))!.RowErrors);
        Assert.Equal([TeamExcelService.TooBigMessage],
            (await merge.AnalyseWorkbookAsync(team.Id, new MemoryStream(new byte[TeamExcelService.MaxFileBytes + 1])))!.RowErrors);
        await using var empty = Project06File();
        Assert.Equal([TeamExcelService.EmptyMessage], (await merge.AnalyseWorkbookAsync(team.Id, empty))!.RowErrors);

        // The district may read the team but not merge it: refused before the file is read.
        await using var good = Project06File(["Hợp Lệ", "1980", "0922000018", "", "Thành viên", "", "Người dân", ""]);
        var district = (await MergeFor(MiniProvince.ActorFor(Mini.D1)).AnalyseWorkbookAsync(team.Id, good))!;
        Assert.Equal([TeamService.RoleMessage], district.RowErrors);
        Assert.Empty(district.Candidates);

        await using var db = Database.CreateSystemContext();
        Assert.Equal(3, await db.TeamMembers.CountAsync(m => m.TeamId == team.Id));
        Assert.Equal(team.Version, (await db.Teams.SingleAsync(t => t.Id == team.Id)).Version);
        Assert.False(await db.People.AnyAsync(p => p.FullName == "Hợp Lệ"));
    }

    [Fact]
    public async Task Preview_ShowsTheResultingTeamAndItsR1Check_WithoutWriting()
    {
        var team = await SeedCommuneTeamAsync();
        var analysis = await AnalyseAndChooseAsync(MergeFor(MiniProvince.ActorFor(Mini.C1)), team);

        var preview = TeamMergeService.Preview(analysis.Level, analysis.Candidates);

        Assert.Equal("Đã kiện toàn", preview.Status);
        Assert.Equal(["Phạm Văn Rời"], preview.Leaving.Select(c => c.FullName));
        Assert.Equal(4, preview.Staying.Count);
        analysis.Candidates.Single(c => c.FullName == "Trần Văn Công").Keep = false;
        Assert.Equal(["Chưa có Trưởng Công an xã làm Tổ phó"],
            TeamMergeService.Preview(analysis.Level, analysis.Candidates).Checklist.Where(c => !c.IsMet).Select(c => c.MissingMessage));
        Assert.Equal(team.Version, (await TeamsFor(MiniProvince.ActorFor(Mini.C1)).GetTeamAsync(Mini.C1.Id))!.Version);
    }

    [Fact]
    public async Task Apply_WritesTheMergedTeam_InOneGo_AndTheTeamIsConstituted_WithHistory()
    {
        var team = await SeedCommuneTeamAsync();
        var actor = MiniProvince.ActorFor(Mini.C1);
        var merge = MergeFor(actor);
        var analysis = await AnalyseAndChooseAsync(merge, team);
        Assert.False((await TeamsFor(actor).GetTeamAsync(Mini.C1.Id))!.IsConstituted);

        var result = await merge.ApplyAsync(team.Id, analysis.Candidates, Today, analysis.Version);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var after = (await TeamsFor(actor).GetTeamAsync(Mini.C1.Id))!;
        Assert.Equal("Đã kiện toàn", after.Status);
        Assert.Equal(["Nguyễn Văn Chủ", "Lê Thị Đoàn", "Trần Văn Công", "Hoàng Văn Sáu"], after.Members.Select(m => m.FullName));
        var before = (await TeamsFor(actor).GetTeamOnAsync(Mini.C1.Id, Today.AddDays(-1)))!;
        Assert.Equal(["Nguyễn Văn Chủ", "Lê Thị Đoàn", "Phạm Văn Rời"], before.Members.Select(m => m.FullName));
        Assert.Equal("Thành viên", before.Members.Single(m => m.FullName == "Lê Thị Đoàn").PositionLabel);
        await using var db = Database.CreateSystemContext();
        Assert.True((await db.Teams.SingleAsync(t => t.Id == team.Id)).IsConstituted);
        Assert.Equal(Today.AddDays(-1), (await db.TeamMembers.SingleAsync(m => m.Person!.FullName == "Phạm Văn Rời")).EndDate);
        Assert.Equal(1, await db.People.CountAsync(p => p.FullNameSearch == "hoang van sau"));
    }

    [Fact]
    public async Task Apply_ThatFailsHalfWay_ChangesNothing()
    {
        var team = await SeedCommuneTeamAsync();
        var actor = MiniProvince.ActorFor(Mini.C1);
        var analysis = await AnalyseAndChooseAsync(MergeFor(actor), team);
        // The database refuses the first new person, after the leavers' end dates were already sent.
        var failing = new FailingFactory(Database, actor);
        var merge = CoreServices.Create<TeamMergeService>(failing);

        await Assert.ThrowsAsync<DbUpdateException>(() => merge.ApplyAsync(team.Id, analysis.Candidates, Today, analysis.Version));

        Assert.True(failing.Interceptor.EndDatesWereSent, "the failure must come after the first half was written");
        await using var db = Database.CreateSystemContext();
        Assert.Null((await db.TeamMembers.SingleAsync(m => m.Person!.FullName == "Phạm Văn Rời")).EndDate);
        Assert.Equal(3, await db.TeamMembers.CountAsync(m => m.TeamId == team.Id));
        Assert.False(await db.People.AnyAsync(p => p.FullNameSearch == "tran van cong"));
        var stored = await db.Teams.SingleAsync(t => t.Id == team.Id);
        Assert.Equal((team.Version, false), (stored.Version, stored.IsConstituted));
    }

    [Fact]
    public async Task Apply_AfterSomeoneElseSaved_IsAConflict_AndWritesNothing()
    {
        var team = await SeedCommuneTeamAsync();
        var actor = MiniProvince.ActorFor(Mini.C1);
        var merge = MergeFor(actor);
        var analysis = await AnalyseAndChooseAsync(merge, team);
        await TeamsFor(actor).UpdateContactAsync(team.Id, null, "0204111222", team.Version);

        var result = await merge.ApplyAsync(team.Id, analysis.Candidates, Today, analysis.Version);

        Assert.True(result.IsConflict);
        await using var db = Database.CreateSystemContext();
        Assert.Null((await db.TeamMembers.SingleAsync(m => m.Person!.FullName == "Phạm Văn Rời")).EndDate);
        Assert.Equal("0204111222", (await db.Teams.SingleAsync(t => t.Id == team.Id)).Hotline);
    }

    [Fact]
    public async Task Apply_WithAForgedMembershipOfAnotherTeam_IsRefusedAndAudited()
    {
        var team = await SeedCommuneTeamAsync();
        var actor = MiniProvince.ActorFor(Mini.C1);
        int foreignMembership;
        await using (var db = Database.CreateSystemContext())
        {
            var foreignTeam = await db.Teams.SingleAsync(t => t.UnitId == Mini.C3.Id);
            var member = new TeamMember
            {
                UnitId = Mini.C3.Id, TeamId = foreignTeam.Id, StartDate = Joined,
                Person = new Person { UnitId = Mini.C3.Id, FullName = "Người Xã Khác", FullNameSearch = "nguoi xa khac" },
            };
            db.TeamMembers.Add(member);
            await db.SaveChangesAsync();
            foreignMembership = member.Id;
        }

        var forged = new MergeCandidate { FullName = "Người Xã Khác", MembershipId = foreignMembership, Keep = false };
        var result = await MergeFor(actor).ApplyAsync(team.Id, [forged], Today, team.Version);

        Assert.Equal([TeamRosterService.MembershipNotFoundMessage], result.Errors);
        await using var check = Database.CreateSystemContext();
        Assert.Null((await check.TeamMembers.SingleAsync(m => m.Id == foreignMembership)).EndDate);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(TeamMember)));
    }

    private async Task<int> ForeignTeamIdAsync()
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.Where(t => t.UnitId == Mini.C3.Id).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Contexts that fail on the first INSERT into People, after the UPDATEs of memberships went through.</summary>
    private sealed class FailingFactory(TestDatabase database, Actor actor) : IDbContextFactory<CnscdDbContext>
    {
        public FailOnNewPerson Interceptor { get; } = new();

        public CnscdDbContext CreateDbContext() =>
            new(CnscdDatabase.Configure(new DbContextOptionsBuilder<CnscdDbContext>(), database.Provider, database.Settings.ConnectionString)
                .AddInterceptors(Interceptor).Options, new FixedActorAccessor(actor));
    }

    private sealed class FailOnNewPerson : DbCommandInterceptor
    {
        public bool EndDatesWereSent { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            var sql = command.CommandText;
            if (sql.Contains("UPDATE \"TeamMembers\"", StringComparison.Ordinal))
            {
                EndDatesWereSent = true;
            }

            if (sql.Contains("INSERT INTO \"People\"", StringComparison.Ordinal))
            {
                throw new DbUpdateException("Lỗi giả lập giữa chừng khi hợp nhất.");
            }
        }
    }
}

public sealed class SqliteTeamMergeServiceTests() : TeamMergeServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamMergeServiceTests() : TeamMergeServiceTests(DatabaseProvider.PostgreSql);
