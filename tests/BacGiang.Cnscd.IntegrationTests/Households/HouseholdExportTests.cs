using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;

namespace BacGiang.Cnscd.IntegrationTests.Households;

/// <summary>The streaming register export, read back from the real .xlsx it writes, on both engines.</summary>
public abstract class HouseholdExportTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private HouseholdExport ExportFor(Actor actor) => CoreServices.CreateOn<HouseholdExport>(Today, new ActorContextFactory(Database, actor));

    /// <summary>Exports and reads the file back: one dictionary per data row, keyed by the header.</summary>
    private static async Task<List<IDictionary<string, object?>>> ExportAsync(HouseholdExport export, int unitId, HouseholdFilter? filter = null,
        string? search = null)
    {
        var request = await export.PrepareAsync(unitId, filter ?? HouseholdFilter.None, search);
        using var file = new MemoryStream();
        await export.WriteAsync(request, file);
        file.Position = 0;
        return MiniExcel.Query(file, useHeaderRow: true, sheetName: HouseholdExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task CommuneExport_HoldsEveryHouseholdOfItsVillages_WithFullPhones_AndIsAudited()
    {
        var officer = MiniProvince.ActorFor(Mini.C1, "officer-c1");

        var rows = await ExportAsync(ExportFor(officer), Mini.C1.Id);

        Assert.Equal(6, rows.Count);
        Assert.Equal(HouseholdExport.Columns, rows[0].Keys);
        Assert.Equal(["07444-01", "07444-01", "07444-01", "07444-02", "07444-02", "07444-02"], rows.Select(r => r["Mã thôn"]?.ToString()));
        Assert.Equal(["Lê Văn Nam", "Nguyễn Văn Đức", "Trần Thị Hằng"], rows.Take(3).Select(r => r["Họ và tên chủ hộ"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("0912345678", r["Số điện thoại"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("Chưa phủ", r["Tình trạng phủ"]?.ToString()));
        await using var db = Database.CreateSystemContext();
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.UserId == "officer-c1").ToListAsync());
        Assert.Equal((AuditActions.Export, nameof(Household), Mini.C1.Id), (audit.Action, audit.EntityType, audit.UnitId));
    }

    [Fact]
    public async Task DistrictExport_CoversTheWholeSubtree_WithMaskedPhones()
    {
        var rows = await ExportAsync(ExportFor(MiniProvince.ActorFor(Mini.D1, "district-d1")), Mini.D1.Id);

        // D1 holds C1 (V11, V12) and C3 (V31): 3 villages × 3 households; D2's V21 is not in it.
        Assert.Equal(9, rows.Count);
        Assert.DoesNotContain(rows, r => r["Mã thôn"]?.ToString() == "07282-01");
        Assert.All(rows, r => Assert.Equal("09xx xxx 678", r["Số điện thoại"]?.ToString()));
    }

    [Fact]
    public async Task Export_AppliesTheRegistersFilterAndSearch()
    {
        await using (var db = Database.CreateSystemContext())
        {
            var hang = await db.Households.SingleAsync(h => h.UnitId == Mini.V11.Id && h.HeadName == "Trần Thị Hằng");
            hang.SetAccounts(true, false);
            hang.LastVisitedOn = Today.AddDays(-2);
            await db.SaveChangesAsync();
        }

        var export = ExportFor(MiniProvince.ActorFor(Mini.C1, "officer-c1"));

        var withVneid = await ExportAsync(export, Mini.C1.Id, HouseholdFilter.None with { NoVneid = true });
        Assert.Equal(5, withVneid.Count);
        Assert.DoesNotContain(withVneid, r => r["Họ và tên chủ hộ"]?.ToString() == "Trần Thị Hằng" && r["Mã thôn"]?.ToString() == "07444-01");

        var notVisited = await ExportAsync(export, Mini.V11.Id, new HouseholdFilter(NotVisitedForDays: 30));
        Assert.Equal(["Lê Văn Nam", "Nguyễn Văn Đức"], notVisited.Select(r => r["Họ và tên chủ hộ"]?.ToString()));

        var searched = await ExportAsync(export, Mini.C1.Id, search: "nguyen van duc");
        Assert.Equal(2, searched.Count);
        Assert.All(searched, r => Assert.Equal("Nguyễn Văn Đức", r["Họ và tên chủ hộ"]?.ToString()));

        var visited = Assert.Single(await ExportAsync(export, Mini.V11.Id, search: "tran thi hang"));
        Assert.Equal("26/11/2026", visited["Lần thăm gần nhất"]?.ToString());
        Assert.Equal("Có", visited["VNeID mức 2"]?.ToString());
    }

    [Fact]
    public async Task ExportOfAnotherDistrict_IsRefused_AndAudited()
    {
        var export = ExportFor(MiniProvince.ActorFor(Mini.D1, "district-d1"));

        await Assert.ThrowsAsync<ScopeViolationException>(() => export.PrepareAsync(Mini.D2.Id, HouseholdFilter.None, null));

        await using var db = Database.CreateSystemContext();
        var refused = Assert.Single(await db.AuditEntries.Where(a => a.UserId == "district-d1").ToListAsync());
        Assert.Equal((AuditActions.Refused, Mini.D2.Id), (refused.Action, refused.UnitId));
    }

    [Fact]
    public async Task ForgedRequest_ForAnotherUnit_WritesOnlyTheHeader()
    {
        var export = ExportFor(MiniProvince.ActorFor(Mini.C1, "officer-c1"));
        // A request object is only ever made by PrepareAsync; even a forged one reads through the scope filter.
        var forged = new HouseholdExportRequest(Mini.C2.Id, UnitLevel.Commune, HouseholdFilter.None, null, Today, "x.xlsx");

        using var file = new MemoryStream();
        await export.WriteAsync(forged, file);
        file.Position = 0;

        Assert.Empty(MiniExcel.Query(file, useHeaderRow: true, sheetName: HouseholdExport.SheetName));
    }
}

public sealed class SqliteHouseholdExportTests() : HouseholdExportTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlHouseholdExportTests() : HouseholdExportTests(DatabaseProvider.PostgreSql);
