using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Data;

/// <summary>The audit interceptor: every data change recorded with before and after, in the same transaction.</summary>
public abstract class AuditTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    [Fact]
    public async Task CreateUpdateDelete_AreAudited_WithWhoWhenUnitAndValues()
    {
        var actor = MiniProvince.ActorFor(Mini.C1, "officer-1");
        int id;
        await using (var db = Database.CreateContext(actor))
        {
            var household = MiniProvince.NewHousehold(Mini.V11, "Đỗ Thị Mai");
            db.Households.Add(household);
            await db.SaveChangesAsync();
            id = household.Id;

            household.Address = "Xóm 9, Tổ dân phố số 1";
            household.SetAccounts(hasVneidLevel2: true, hasPublicServiceAccount: false);
            await db.SaveChangesAsync();

            db.Households.Remove(household);
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateSystemContext();
        var entries = await check.AuditEntries.Where(a => a.EntityType == nameof(Household) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Delete], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("officer-1", e.UserId);
            Assert.Equal(Mini.V11.Id, e.UnitId);
            Assert.Equal(Mini.C1.Id, e.CommuneId);
            Assert.True(DateTime.UtcNow - e.AtUtc < TimeSpan.FromMinutes(5));
        });

        using var update = JsonDocument.Parse(entries[1].Changes!);
        Assert.Equal("Xóm 1, Tổ dân phố số 1", update.RootElement.GetProperty("before").GetProperty("Address").GetString());
        Assert.Equal("Xóm 9, Tổ dân phố số 1", update.RootElement.GetProperty("after").GetProperty("Address").GetString());
        Assert.True(update.RootElement.GetProperty("after").GetProperty("HasVneidLevel2").GetBoolean());
        // Phone numbers are masked even in the audit log.
        Assert.Contains("09xx xxx 678", entries[0].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", entries[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedSave_LeavesNoAuditRow()
    {
        var before = await Database.CreateSystemContext().AuditEntries.CountAsync();
        await using (var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1)))
        {
            db.Households.Add(MiniProvince.NewHousehold(Mini.V11, "Hợp lệ"));
            db.Households.Add(MiniProvince.NewHousehold(Mini.V21, "Ngoài phạm vi"));
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }

        await using var check = Database.CreateSystemContext();
        Assert.Equal(before, await check.AuditEntries.CountAsync());
        Assert.False(await check.Households.AnyAsync(h => h.HeadName == "Hợp lệ"));
    }

    [Fact]
    public async Task FailedSave_RollsBackItsAuditRows()
    {
        var before = await Database.CreateSystemContext().AuditEntries.CountAsync();
        await using (var db = Database.CreateSystemContext())
        {
            // The visit points at a household that does not exist: the insert fails in the database.
            db.HouseholdVisits.Add(new HouseholdVisit
            {
                UnitId = Mini.V11.Id, HouseholdId = 999_999, VisitedOn = new DateOnly(2026, 1, 1), ClientRequestId = Guid.NewGuid(),
                Outcome = VisitOutcome.Guided, CreatedAtUtc = DateTime.UtcNow,
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = Database.CreateSystemContext();
        Assert.Equal(before, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task AuditRows_CannotBeChangedOrDeleted()
    {
        await using var db = Database.CreateSystemContext();
        var entry = await db.AuditEntries.FirstAsync();
        entry.Action = "Tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DistrictOfficer_ReadsOnlyTheirDistrictsAuditRows()
    {
        await using (var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C2)))
        {
            db.Households.Add(MiniProvince.NewHousehold(Mini.V21, "Vũ Văn Hai"));
            await db.SaveChangesAsync();
        }

        await using var d1 = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));
        Assert.True(await d1.AuditEntries.AnyAsync());
        Assert.All(await d1.AuditEntries.ToListAsync(), a => Assert.Equal(Mini.D1.Id, a.DistrictId));
    }
}

public sealed class SqliteAuditTests() : AuditTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAuditTests() : AuditTests(DatabaseProvider.PostgreSql);
