using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Teams;

public abstract class TeamExcelServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));

    private TeamExcelService ExcelFor(Actor actor) => CoreServices.Create<TeamExcelService>(new ActorContextFactory(Database, actor));

    private async Task<Team> TeamAsync(AdministrativeUnit unit)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == unit.Id);
    }

    /// <summary>The downloaded template, filled in with these rows (each: name, year, phone, zalo, position, office, affiliation, task).</summary>
    private static MemoryStream Filled(params string[][] rows)
    {
        using var workbook = new XLWorkbook(new MemoryStream(TeamExcelService.CreateTemplate()));
        var sheet = workbook.Worksheet("Thành viên tổ");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
            }
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task Import_TheFilledTemplate_AddsEveryRow_AndTheTeamIsConstituted()
    {
        var team = await TeamAsync(Mini.C1);
        var progress = new List<int>();

        var result = await ExcelFor(MiniProvince.ActorFor(Mini.C1)).ImportAsync(team.Id, Filled(
            ["Nguyễn Văn Chủ", "1975", "0911000001", "", "Tổ trưởng", "Chủ tịch UBND xã", "Cán bộ, công chức", "Điều hành chung"],
            ["Trần Văn Công", "1980", "0911 000 002", "0911000002", "tổ phó", "truong cong an xa", "Công an", ""],
            ["Lê Thị Đoàn", "", "0911000003", "", "Tổ phó", "Bí thư Đoàn xã", "Đoàn Thanh niên", "Phụ trách thanh niên"],
            ["Phạm Văn Dân", "1999", "", "", "Thành viên", "", "Người dân", ""]),
            Today, team.Version, new SyncProgress(progress));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        Assert.Equal(4, result.Added);
        Assert.Equal(100, progress[^1]);
        await using var db = Database.CreateSystemContext();
        var stored = await db.Teams.SingleAsync(t => t.Id == team.Id);
        Assert.True(stored.IsConstituted);
        Assert.Equal(result.Version, stored.Version);
        var police = await db.TeamMembers.Include(m => m.Person).SingleAsync(m => m.TeamId == team.Id && m.Title == OfficialTitle.CommunePoliceChief);
        Assert.Equal(("0911000002", TeamPosition.Deputy, Affiliation.Police), (police.Person!.Phone, police.Position, police.Affiliation));
    }

    [Fact]
    public async Task Import_BadRows_AreAllListedWithTheirRowNumbers_AndNothingIsSaved()
    {
        var team = await TeamAsync(Mini.C1);
        var excel = ExcelFor(MiniProvince.ActorFor(Mini.C1));
        var first = await excel.ImportAsync(team.Id, Filled(["Đã Có Trong Tổ", "1980", "0922000001", "", "Thành viên", "", "Người dân", ""]), Today, team.Version);
        Assert.True(first.Succeeded);

        var result = await excel.ImportAsync(team.Id, Filled(
            ["", "1980", "0922000010", "", "Thành viên", "", "Người dân", ""],
            ["Số Sai", "1980", "09123", "", "Thành viên", "", "Người dân", ""],
            ["Vị Trí Lạ", "1980", "0922000012", "", "Đội trưởng", "", "Hội nông dân", ""],
            ["Người Hai Lần", "1985", "0922000013", "", "Thành viên", "", "Giáo viên", ""],
            ["Nguoi Hai Lan", "1985", "", "", "Thành viên", "", "Giáo viên", ""],
            ["Đã Có Trong Tổ", "1980", "0922 000 001", "", "Thành viên", "", "Người dân", ""],
            ["Chức Vụ Thôn", "1980", "0922000016", "", "Tổ phó", "Công an viên", "Công an", ""]),
            Today, first.Version!.Value);

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            (2, TeamRosterService.NameMessage),
            (3, TeamRosterService.PhoneMessage),
            (4, "Vị trí 'Đội trưởng' không có trong danh mục."),
            (4, "Thuộc 'Hội nông dân' không có trong danh mục."),
            (6, "Trùng với dòng 5 (cùng người)."),
            (7, TeamRosterService.AlreadyOnTeamMessage),
            (8, TeamRosterService.TitleMessage),
        ], result.Errors.Select(e => (e.Row, e.Message)));
        await using var db = Database.CreateSystemContext();
        Assert.Equal(1, await db.TeamMembers.CountAsync(m => m.TeamId == team.Id));
        Assert.Equal(first.Version, (await db.Teams.SingleAsync(t => t.Id == team.Id)).Version);
    }

    [Fact]
    public async Task Import_WrongColumns_NotAWorkbook_TooBig_OrEmpty_SaysSo()
    {
        var team = await TeamAsync(Mini.C1);
        var excel = ExcelFor(MiniProvince.ActorFor(Mini.C1));
        using var wrong = new XLWorkbook();
        wrong.AddWorksheet("Sheet1").Cell(1, 1).SetValue("Tên");
        var wrongFile = new MemoryStream();
        wrong.SaveAs(wrongFile);
        wrongFile.Position = 0;

        var columns = await excel.ImportAsync(team.Id, wrongFile, Today, team.Version);
        var text = await excel.ImportAsync(team.Id, new MemoryStream("Họ và tên,Điện thoại\nA,0912345678"u8.ToArray()), Today, team.Version);
        var big = await excel.ImportAsync(team.Id, new MemoryStream(new byte[TeamExcelService.MaxFileBytes + 1]), Today, team.Version);
        var empty = await excel.ImportAsync(team.Id, Filled(), Today, team.Version);

        Assert.Equal(["Thiếu cột 'Họ và tên'.", "Thiếu cột 'Điện thoại'.", "Thiếu cột 'Vị trí'.", "Thiếu cột 'Thuộc'."], columns.Errors.Select(e => e.Message));
        Assert.Equal([TeamExcelService.NotAWorkbook], text.Errors.Select(e => e.Message));
        Assert.Equal([TeamExcelService.TooBigMessage], big.Errors.Select(e => e.Message));
        Assert.Equal([TeamExcelService.EmptyMessage], empty.Errors.Select(e => e.Message));
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.TeamMembers.AnyAsync());
    }

    [Fact]
    public async Task Export_OfACommune_HoldsItsTeamAndItsVillageTeams_Formatted_MaskedForTheDistrict_AndAudited()
    {
        foreach (var (unit, name, phone) in new[] { (Mini.C1, "Nguyễn Văn Xã", "0933000001"), (Mini.V11, "Giáp Văn Thôn", "0933000002"), (Mini.C3, "Người Xã Khác", "0933000003") })
        {
            var team = await TeamAsync(unit);
            var title = unit.Level == UnitLevel.Commune ? "" : "Trưởng thôn, Tổ trưởng tổ dân phố";
            var added = await ExcelFor(Actor.System("test")).ImportAsync(team.Id, Filled([name, "1980", phone, "", "Tổ trưởng", title, "Cán bộ, công chức", ""]), Today, team.Version);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        }

        var communeFile = await ExcelFor(MiniProvince.ActorFor(Mini.C1)).ExportAsync(Mini.C1.Id);
        var districtFile = await ExcelFor(MiniProvince.ActorFor(Mini.D1)).ExportAsync(Mini.C1.Id);

        using var workbook = new XLWorkbook(new MemoryStream(communeFile!));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Tổ", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("Times New Roman", sheet.Cell(2, 2).Style.Font.FontName);
        Assert.Equal(28, sheet.Column(2).Width);
        Assert.Equal(["Giáp Văn Thôn", "Nguyễn Văn Xã"], new[] { sheet.Cell(2, 2).GetString(), sheet.Cell(3, 2).GetString() }.Order());
        Assert.True(sheet.Cell(4, 2).IsEmpty());
        Assert.Contains("0933000001", new[] { sheet.Cell(2, 4).GetString(), sheet.Cell(3, 4).GetString() });
        using var district = new XLWorkbook(new MemoryStream(districtFile!));
        Assert.All(new[] { district.Worksheet(1).Cell(2, 4).GetString(), district.Worksheet(1).Cell(3, 4).GetString() },
            p => Assert.Matches(@"^09xx xxx \d{3}$", p));
        await using var db = Database.CreateSystemContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export && a.UnitId == Mini.C1.Id));
    }

    /// <summary>Records reports as they come (Progress&lt;T&gt; would post them later on the thread pool).</summary>
    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}

public sealed class SqliteTeamExcelServiceTests() : TeamExcelServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamExcelServiceTests() : TeamExcelServiceTests(DatabaseProvider.PostgreSql);
