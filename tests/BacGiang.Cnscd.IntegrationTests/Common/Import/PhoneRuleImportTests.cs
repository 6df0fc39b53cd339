using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static BacGiang.Cnscd.IntegrationTests.Households.HouseholdSheets;

namespace BacGiang.Cnscd.IntegrationTests.Common.Import;

/// <summary>
/// One phone rule for every import (issue 15): before it, the household import refused a number cell 84… that it
/// accepted as text, and the roster refused "84…" that it accepted as "+84…".
/// </summary>
public abstract class PhoneRuleImportTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = VietnamClock.System.Today;

    [Fact]
    public async Task HouseholdImport_NumberCellsWith84OrWithoutTheLeading0_AreStoredAsTheirText()
    {
        var import = CoreServices.CreateOn<HouseholdImport>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(Mini.C1, "officer-c1")));
        var file = Workbook([
            Row("07444-01", "Hộ Số Tám Tư", phone: 84912000001d),
            Row("07444-01", "Hộ Số Chín", phone: 912000002),
            Row("07444-01", "Hộ Chữ Tám Tư", phone: "84 912 000 003"),
        ]);

        var result = await import.ImportAsync(file);

        Assert.True(result.Succeeded, Messages(result));
        await using var db = Database.CreateSystemContext();
        string[] heads = ["Hộ Số Tám Tư", "Hộ Số Chín", "Hộ Chữ Tám Tư"];
        var phones = await db.Households.Where(h => heads.Contains(h.HeadName)).OrderBy(h => h.Phone).Select(h => h.Phone).ToListAsync();
        Assert.Equal(["0912000001", "0912000002", "0912000003"], phones);
    }

    [Fact]
    public async Task RosterImport_84TextAndANumberCell_AreAccepted_AndStoredAs0AndNineDigits()
    {
        var (excel, team) = await RosterAsync();
        var file = Roster([["Nguyễn Văn Tám", "1980", "84922000001", "", "Thành viên", "", "Người dân", ""],
            ["Trần Văn Số", "1981", "", "", "Thành viên", "", "Người dân", ""]],
            // Typed into a General cell: Excel keeps the digits as a number and drops the leading 0.
            sheet => sheet.Cell(3, 3).SetValue(922000002));

        var result = await excel.ImportAsync(team.Id, file, Today, team.Version);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        await using var db = Database.CreateSystemContext();
        var phones = await db.TeamMembers.Where(m => m.TeamId == team.Id).Select(m => m.Person!.Phone).OrderBy(p => p).ToListAsync();
        Assert.Equal(["0922000001", "0922000002"], phones);
    }

    [Fact]
    public async Task RosterImport_OneNumberWrittenAs84AndAsPlus84_IsOnePerson()
    {
        var (excel, team) = await RosterAsync();
        var file = Roster([["Nguyễn Văn Tám", "1980", "84922000001", "", "Thành viên", "", "Người dân", ""],
            ["Nguyen Van Tam", "1990", "+84 922 000 001", "", "Thành viên", "", "Người dân", ""]]);

        var result = await excel.ImportAsync(team.Id, file, Today, team.Version);

        Assert.Equal([(3, "Trùng với dòng 2 (cùng người).")], result.Errors.Select(e => (e.Row, e.Message)));
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id));
    }

    private async Task<(TeamExcelService Excel, Team Team)> RosterAsync()
    {
        await using var db = Database.CreateSystemContext();
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == Mini.C1.Id);
        return (CoreServices.CreateOn<TeamExcelService>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(Mini.C1))), team);
    }

    /// <summary>The roster template filled with <paramref name="rows"/> as text, then changed by <paramref name="tweak"/>.</summary>
    private static MemoryStream Roster(string[][] rows, Action<IXLWorksheet>? tweak = null)
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

        tweak?.Invoke(sheet);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}

public sealed class SqlitePhoneRuleImportTests() : PhoneRuleImportTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlPhoneRuleImportTests() : PhoneRuleImportTests(DatabaseProvider.PostgreSql);
