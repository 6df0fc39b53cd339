using System.Text;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Restructuring;

/// <summary>
/// The real 2025 merger map previewed against the real hierarchy (195 communes, 10 districts), on both engines; and
/// every kind of bad plan refused with row-level messages. The preview writes nothing.
/// </summary>
public abstract class RestructuringPreviewTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Effective = new(2025, 7, 1);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateSystemContext();
        await new ProvinceSeeder(db).SeedHierarchyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private RestructuringService Service(Actor? actor = null) =>
        CoreServices.Create<RestructuringService>(new ActorContextFactory(_database, actor ?? Actor.System("restructuring test")));

    private static string RealPlan()
    {
        using var reader = new StreamReader(AdminUnitCatalog.MergerPlan2025());
        return reader.ReadToEnd();
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Without(string plan, string oldCode) =>
        string.Join('\n', plan.Split('\n').Where(l => !l.StartsWith(oldCode + ",", StringComparison.Ordinal)));

    [Fact]
    public async Task RealPlan_OnTheSeededProvince_ClosesEveryDistrictAnd195Communes_Opens58_AndWritesNothing()
    {
        int households;
        await using (var db = _database.CreateSystemContext())
        {
            // Two villages with households in Phường Thọ Xương (07201 → Phường Bắc Giang 07210).
            var thoXuong = await db.Units.SingleAsync(u => u.Code == "07201");
            var villages = Enumerable.Range(1, 2).Select(i => new AdministrativeUnit
            {
                Code = $"07201-0{i}", Name = $"Tổ dân phố số {i}", Level = UnitLevel.Village, Kind = UnitKind.ResidentialGroup, ParentId = thoXuong.Id,
                ValidFrom = AdminUnitCatalog.ListDate,
            }).ToList();
            db.Units.AddRange(villages);
            await db.SaveChangesAsync();
            db.Households.AddRange(villages.SelectMany(v => Enumerable.Range(1, 3).Select(i => MiniProvince.NewHousehold(v, $"Hộ {v.Code}-{i}"))));
            await db.SaveChangesAsync();
            households = await db.Households.CountAsync();
        }

        var unitsBefore = await UnitSnapshotAsync();
        var result = await Service().PreviewAsync(Csv(RealPlan()), Effective);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        var preview = result.Preview!;
        Assert.Equal((10, 195, 58), (preview.DistrictsToClose.Count, preview.CommunesToClose.Count, preview.CommunesToOpen.Count));
        Assert.Equal(("Tỉnh Bắc Giang", "Tỉnh Bắc Ninh"), (preview.ProvinceName, preview.NewProvinceName));
        var bacGiang = preview.CommunesToOpen.Single(c => c.Code == "07210");
        Assert.Equal("Phường Bắc Giang", bacGiang.Name);
        Assert.Contains("Phường Thọ Xương (07201)", bacGiang.OldCommunes);
        Assert.Contains("Phường Hoàng Văn Thụ (07210)", bacGiang.OldCommunes);
        Assert.Equal((2, 6), (bacGiang.VillagesMoved, bacGiang.Households));
        Assert.Equal(households, preview.Households);
        Assert.Equal(unitsBefore, await UnitSnapshotAsync());

        var text = RestructuringReport.Format(result);
        Assert.Contains("Đổi tên tỉnh: Tỉnh Bắc Giang → Tỉnh Bắc Ninh.", text, StringComparison.Ordinal);
        Assert.Contains("Phường Bắc Giang (07210) ← ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WithUnknownDuplicateMissingAndCollidingCodes_IsRefusedRowByRow()
    {
        var lines = RealPlan().Split('\n').ToList();
        // Line 3 (07207 → 07210) becomes an unknown old code; 07201 is listed twice; 07612 (Phượng Sơn) is left out, and a
        // new commune takes its code while it stays current.
        lines[2] = lines[2].Replace("07207,", "99999,", StringComparison.Ordinal);
        lines.Add("07201,Phường Thọ Xương,24,Tỉnh Bắc Ninh,07210,Phường Bắc Giang");
        var plan = Without(string.Join('\n', lines), "07612").Replace(",07210,Phường Bắc Giang", ",07612,Phường Bắc Giang", StringComparison.Ordinal);

        var result = await Service().PreviewAsync(Csv(plan), Effective);

        Assert.False(result.Succeeded);
        var messages = result.Errors.Select(e => (e.Row, e.Message)).ToList();
        Assert.Contains(messages, m => m.Row == 3 && m.Message.Contains("Mã xã cũ 99999 không có", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Message.Contains("Xã cũ 07201 đã có ở dòng 2", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Row == 0 && m.Message.Contains("(07612) không có trong kế hoạch", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Row == 0 && m.Message.Contains("(07207) không có trong kế hoạch", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Message.Contains("Mã xã mới 07612 trùng với đơn vị đang hiệu lực: Phường Phượng Sơn", StringComparison.Ordinal));
        Assert.Null(result.Preview);
    }

    [Theory]
    [InlineData("old_code,old_name\n07201,Phường Thọ Xương", 1, "Dòng tiêu đề phải là")]
    [InlineData(MergerPlanReader.Header + "\n07201,\"Phường Thọ Xương,24,Tỉnh Bắc Ninh,07210,Phường Bắc Giang", 2, "ngoặc kép không đóng")]
    [InlineData(MergerPlanReader.Header + "\n07201,Phường Thọ Xương,24,Tỉnh Bắc Ninh,07210", 2, "6 cột, đang có 5")]
    [InlineData(MergerPlanReader.Header + "\n7201,Phường Thọ Xương,24,Tỉnh Bắc Ninh,07210,Phường Bắc Giang", 2, "Mã xã cũ “7201” không hợp lệ")]
    [InlineData(MergerPlanReader.Header + "\n", 0, "Kế hoạch không có dòng nào")]
    public async Task MalformedCsv_IsRefusedWithItsLine(string csv, int row, string message)
    {
        var result = await Service().PreviewAsync(Csv(csv), Effective);
        var error = Assert.Single(result.Errors);
        Assert.Equal(row, error.Row);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EffectiveDate_BeforeAnApprovedReport_IsRefused()
    {
        await using (var db = _database.CreateSystemContext())
        {
            var commune = await db.Units.SingleAsync(u => u.Code == "07201");
            db.QuarterlyReports.Add(new QuarterlyReport
            {
                UnitId = commune.Id, Year = 2025, Quarter = 3, Status = ReportStatus.Approved, DueDate = new DateOnly(2025, 9, 15),
            });
            await db.SaveChangesAsync();
        }

        var result = await Service().PreviewAsync(Csv(RealPlan()), Effective);

        var error = Assert.Single(result.Errors);
        Assert.Contains("Báo cáo quý 3/2025 của Phường Thọ Xương đã được duyệt", error.Message, StringComparison.Ordinal);
        // The same plan a quarter later rewrites no approved report.
        Assert.True((await Service().PreviewAsync(Csv(RealPlan()), new DateOnly(2025, 10, 1))).Succeeded);
    }

    [Fact]
    public async Task AClosedCommune_SaysThePlanWasApplied()
    {
        await using (var db = _database.CreateSystemContext())
        {
            var commune = await db.Units.SingleAsync(u => u.Code == "07201");
            commune.ValidTo = new DateOnly(2025, 6, 30);
            await db.SaveChangesAsync();
        }

        var result = await Service().PreviewAsync(Csv(RealPlan()), Effective);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("đã hết hiệu lực từ 01/07/2025: kế hoạch này đã được áp dụng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADistrictOfficer_IsRefused_AndAuditedOnce()
    {
        int districtId;
        await using (var db = _database.CreateSystemContext())
        {
            districtId = await db.Units.Where(u => u.Level == UnitLevel.District).Select(u => u.Id).FirstAsync();
        }

        var officer = new Actor("officer-1", "officer", districtId, DataScope.ForUnit(UnitLevel.District, districtId, null, null), Role: AppRole.DistrictOfficer);
        await Assert.ThrowsAsync<ScopeViolationException>(() => Service(officer).PreviewAsync(Csv(RealPlan()), Effective));
        await using var check = _database.CreateSystemContext();
        var row = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Refused);
        Assert.Equal(("Restructuring", districtId, "officer-1"), (row.EntityType, row.UnitId!.Value, row.UserId));
    }

    private async Task<string> UnitSnapshotAsync()
    {
        await using var db = _database.CreateSystemContext();
        var units = await db.Units.OrderBy(u => u.Id).Select(u => new { u.Id, u.Code, u.ParentId, u.ValidTo, u.SuccessorId, u.Version }).ToListAsync();
        return string.Join(";", units.Select(u => $"{u.Id}:{u.Code}:{u.ParentId}:{u.ValidTo}:{u.SuccessorId}:{u.Version}"));
    }
}

public sealed class SqliteRestructuringPreviewTests() : RestructuringPreviewTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlRestructuringPreviewTests() : RestructuringPreviewTests(DatabaseProvider.PostgreSql);
