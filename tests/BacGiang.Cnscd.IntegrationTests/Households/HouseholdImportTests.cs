using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static BacGiang.Cnscd.IntegrationTests.Households.HouseholdSheets;

namespace BacGiang.Cnscd.IntegrationTests.Households;

/// <summary>
/// The household import from real .xlsx files, on both engines: the template, a good file, every kind of bad row
/// and bad file (each leaves the register as it was), all-or-nothing when the save itself fails, and scope.
/// </summary>
public abstract class HouseholdImportTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private const string V11 = "07444-01";
    private const string V12 = "07444-02";
    private const string V21 = "07282-01";

    private static readonly DateOnly Today = new(2026, 11, 28);

    private HouseholdImport ImportFor(Actor actor) => CoreServices.CreateOn<HouseholdImport>(Today, new ActorContextFactory(Database, actor));

    private HouseholdImport CommuneOfficer => ImportFor(MiniProvince.ActorFor(Mini.C1, "officer-c1"));

    private async Task<int> HouseholdCountAsync()
    {
        await using var db = Database.CreateSystemContext();
        return await db.Households.CountAsync();
    }

    [Fact]
    public async Task Template_ListsOnlyTheImportersVillages_AndItsExampleRowImports()
    {
        var template = await CommuneOfficer.CreateTemplateAsync();

        using (var workbook = new XLWorkbook(new MemoryStream(template)))
        {
            var sheet = workbook.Worksheet("Hộ gia đình");
            Assert.Equal(Header, Enumerable.Range(1, Header.Length).Select(c => sheet.Cell(1, c).GetString()));
            Assert.Equal(V11, sheet.Cell(2, 1).GetString());
            Assert.Equal("0912345678", sheet.Cell(2, 5).GetString());
            var villages = workbook.Worksheet("Danh sách thôn").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
            Assert.Equal([V11, V12], villages);
        }

        var result = await CommuneOfficer.ImportAsync(new MemoryStream(template));

        Assert.True(result.Succeeded, Messages(result));
        await using var db = Database.CreateSystemContext();
        var example = await db.Households.SingleAsync(h => h.HeadName == "Nguyễn Văn An");
        Assert.Equal((Mini.V11.Id, "0912345678", 1968, 4), (example.UnitId, example.Phone, example.HeadBirthYear, example.Size));
    }

    [Fact]
    public async Task GoodFile_AddsEveryHousehold_WithOneImportAuditRow_NotOnePerHousehold()
    {
        var rows = Enumerable.Range(1, 1500)
            .Select(i => Row(i % 2 == 0 ? V11 : V12, $"Chủ Hộ Số {i}", $"Xóm {i % 7}",
                birth: i % 3 == 0 ? new DateTime(1970, 1, 15) : i % 3 == 1 ? "1982" : "3/4/1990",
                // A number typed into a General cell loses its leading 0; the import puts it back.
                phone: i % 2 == 0 ? 912000000 + i : "+84 98 765 4321",
                size: i % 5 + 1, vneid: i % 2 == 0 ? "Có" : "không", dvc: "x", assistance: i == 7 ? "Có" : ""))
            .ToList();
        var before = await HouseholdCountAsync();
        var progress = new Recorder();

        var result = await CommuneOfficer.ImportAsync(Workbook(rows), progress);

        Assert.True(result.Succeeded, Messages(result));
        Assert.Equal(1500, result.Created);
        Assert.Equal(before + 1500, await HouseholdCountAsync());
        Assert.Equal(100, progress.Reports[^1]);
        Assert.Equal(progress.Reports.OrderBy(p => p), progress.Reports);

        await using var db = Database.CreateSystemContext();
        var two = await db.Households.SingleAsync(h => h.HeadName == "Chủ Hộ Số 2");
        Assert.Equal((Mini.V11.Id, Mini.C1.Id, "0912000002", 1990, 3, true, true), (two.UnitId, two.CommuneId, two.Phone, two.HeadBirthYear, two.Size,
            two.HasVneidLevel2, two.HasPublicServiceAccount));
        Assert.Equal("chu ho so 2 xom 2", two.SearchKey);
        var three = await db.Households.SingleAsync(h => h.HeadName == "Chủ Hộ Số 3");
        Assert.Equal((Mini.V12.Id, "0987654321", 1970), (three.UnitId, three.Phone, three.HeadBirthYear));
        Assert.Equal(1982, (await db.Households.SingleAsync(h => h.HeadName == "Chủ Hộ Số 4")).HeadBirthYear);
        var seven = await db.Households.SingleAsync(h => h.HeadName == "Chủ Hộ Số 7");
        Assert.True(seven.NeedsAssistance);
        Assert.Equal(CoverageStatus.NotCovered, seven.Coverage);

        var audit = await db.AuditEntries.Where(a => a.UserId == "officer-c1").ToListAsync();
        var import = Assert.Single(audit);
        Assert.Equal((AuditActions.Import, nameof(Household), Mini.C1.Id), (import.Action, import.EntityType, import.UnitId));
        Assert.Contains("\"count\":1500", import.Changes, StringComparison.Ordinal);
    }

    public static TheoryData<string, object?[], string> BadRows => new()
    {
        { "unknown village", Row("99999-99", "Hộ Lạ"), "Không có thôn nào mã 99999-99." },
        { "no village code", Row("", "Hộ Lạ"), HouseholdImportMessages.VillageCodeMissing },
        { "no head name", Row(V11, ""), HouseholdImportMessages.HeadNameMissing },
        { "no address", Row(V11, "Hộ Không Địa Chỉ", address: ""), HouseholdImportMessages.AddressMissing },
        { "malformed date", Row(V11, "Hộ Ngày Sai", birth: "31/02/1970"), HouseholdImportMessages.BirthInvalid("31/02/1970") },
        { "future date", Row(V11, "Hộ Ngày Tới", birth: "01/01/2030"), HouseholdImportMessages.BirthInvalid("01/01/2030") },
        { "malformed phone", Row(V11, "Hộ Số Sai", phone: "09123"), HouseholdImportMessages.PhoneInvalid("09123") },
        { "phone with letters", Row(V11, "Hộ Số Chữ", phone: "09l2345678"), HouseholdImportMessages.PhoneInvalid("09l2345678") },
        { "bad size", Row(V11, "Hộ Đông Người", size: "bốn"), HouseholdImportMessages.SizeInvalid },
        { "bad yes/no", Row(V11, "Hộ Trả Lời Lạ", vneid: "chắc có"), HouseholdImportMessages.YesNoInvalid("VNeID mức 2", "chắc có") },
        { "duplicate within the file", Row(V11, "Hộ Đầu Tiên", address: "Xóm Đông"), HouseholdImportMessages.DuplicateOf(2) },
        { "duplicate of the register", Row(V11, "Nguyễn Văn Đức", address: "Xóm 1, Tổ dân phố số 1"), HouseholdImportMessages.InRegister },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task BadRow_IsReportedWithItsRowNumber_AndNothingIsSaved(string kind, object?[] bad, string message)
    {
        _ = kind;
        var before = await HouseholdCountAsync();
        // Row 2 is good (and, for the duplicate case, the first of the pair); row 3 is the bad one; row 4 is good.
        var file = Workbook([Row(V11, "Hộ Đầu Tiên", address: "xom dong"), bad, Row(V12, "Hộ Cuối Cùng")]);

        var result = await CommuneOfficer.ImportAsync(file);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Created);
        Assert.Contains(new ImportRowError(3, message), result.Errors);
        Assert.DoesNotContain(result.Errors, e => e.Row != 3);
        Assert.Equal(before, await HouseholdCountAsync());
    }

    [Fact]
    public async Task EveryBadRow_IsListed_NotOnlyTheFirst()
    {
        var file = Workbook([Row(V11, ""), Row(V11, "Hộ Tốt"), Row("abc", "Hộ Lạ", phone: "12")]);

        var result = await CommuneOfficer.ImportAsync(file);

        Assert.Equal(
            [new ImportRowError(2, HouseholdImportMessages.HeadNameMissing), new ImportRowError(4, HouseholdImportMessages.UnknownVillage("abc")),
             new ImportRowError(4, HouseholdImportMessages.PhoneInvalid("12"))],
            result.Errors.OrderBy(e => e.Row).ThenBy(e => e.Message, StringComparer.Ordinal));
    }

    [Fact]
    public async Task VillageOutsideTheImportersScope_IsARowError_NothingIsSaved_AndTheAttemptIsAuditedOnce()
    {
        var before = await HouseholdCountAsync();
        var file = Workbook([Row(V11, "Hộ Của Mình"), Row(V21, "Hộ Huyện Khác 1"), Row(V21, "Hộ Huyện Khác 2")]);

        var result = await CommuneOfficer.ImportAsync(file);

        Assert.Equal([new ImportRowError(3, HouseholdImportMessages.OutsideScope(V21)), new ImportRowError(4, HouseholdImportMessages.OutsideScope(V21))],
            result.Errors);
        Assert.Equal(before, await HouseholdCountAsync());
        await using var db = Database.CreateSystemContext();
        var refused = Assert.Single(await db.AuditEntries.Where(a => a.UserId == "officer-c1" && a.Action == AuditActions.Refused).ToListAsync());
        Assert.Equal(Mini.V21.Id, refused.UnitId);
    }

    [Fact]
    public async Task VillageLeader_ImportingIntoTheNeighbouringVillage_IsARowError()
    {
        var leader = ImportFor(MiniProvince.ActorFor(Mini.V11, "leader-v11"));

        var result = await leader.ImportAsync(Workbook([Row(V12, "Hộ Thôn Bên")]));

        Assert.Equal([new ImportRowError(2, HouseholdImportMessages.OutsideScope(V12))], result.Errors);
    }

    [Fact]
    public async Task DistrictOfficer_IsRefused_AndAudited()
    {
        var district = ImportFor(MiniProvince.ActorFor(Mini.D1, "district-d1"));

        await Assert.ThrowsAsync<ScopeViolationException>(() => district.ImportAsync(Workbook([Row(V11, "Hộ Mới")])));
        await Assert.ThrowsAsync<ScopeViolationException>(() => district.CreateTemplateAsync());

        await using var db = Database.CreateSystemContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.UserId == "district-d1" && a.Action == AuditActions.Refused));
        Assert.False(await db.Households.AnyAsync(h => h.HeadName == "Hộ Mới"));
    }

    [Fact]
    public async Task MissingColumn_IsReportedOnTheHeaderRow()
    {
        string[] header = ["Mã thôn", "Ho va ten chu ho", "Điện thoại"];

        var result = await CommuneOfficer.ImportAsync(Workbook([[V11, "Hộ Thiếu Cột", "0912345678"]], header));

        Assert.Equal([new ImportRowError(1, HouseholdImportMessages.MissingColumn("Địa chỉ"))], result.Errors);
    }

    [Fact]
    public async Task NotAnXlsx_IsRefusedAsAWhole()
    {
        var csv = new MemoryStream("Mã thôn,Họ và tên chủ hộ,Địa chỉ\n07444-01,Hộ CSV,Xóm 1\n"u8.ToArray());

        var result = await CommuneOfficer.ImportAsync(csv);

        Assert.Equal([new ImportRowError(0, HouseholdImportMessages.NotAWorkbook)], result.Errors);
    }

    [Fact]
    public async Task FileOverTheSizeLimit_IsRefused_BeforeItIsRead()
    {
        var huge = new MemoryStream(new byte[HouseholdImport.MaxFileBytes + 1]);

        var result = await CommuneOfficer.ImportAsync(huge);

        Assert.Equal([new ImportRowError(0, HouseholdImportMessages.TooLarge)], result.Errors);
    }

    [Fact]
    public async Task FileWithOnlyAHeader_SaysThereIsNothingToImport()
    {
        var result = await CommuneOfficer.ImportAsync(Workbook([]));

        Assert.Equal([new ImportRowError(0, HouseholdImportMessages.Empty)], result.Errors);
    }

    [Fact]
    public async Task FailureWhileSaving_RollsBackTheHouseholdsAlreadySaved()
    {
        var before = await HouseholdCountAsync();
        var rows = Enumerable.Range(1, 2500).Select(i => Row(V11, $"Hộ Rollback {i}")).ToList();
        using var cancel = new CancellationTokenSource();
        // Saving reports progress after each chunk of 1,000: cancelling after the first chunk makes the second save throw.
        var progress = new Recorder(percent =>
        {
            if (percent > 40 && percent < 100)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CommuneOfficer.ImportAsync(Workbook(rows), progress, cancel.Token));

        Assert.Contains(progress.Reports, p => p > 40 && p < 100);
        Assert.Equal(before, await HouseholdCountAsync());
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Import));
    }
}

public sealed class SqliteHouseholdImportTests() : HouseholdImportTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlHouseholdImportTests() : HouseholdImportTests(DatabaseProvider.PostgreSql);
