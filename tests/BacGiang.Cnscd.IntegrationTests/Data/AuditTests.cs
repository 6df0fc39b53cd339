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
    public async Task FreeText_IsAuditedByItsLengthOnly_NeverItsWords()
    {
        const string note = "Bà Nguyễn Thị Hoa nhà bên cạnh nhờ gọi lại số 0987654321 vì đang ốm";
        const string edited = "Đã gọi lại cho bà Hoa, số 0987654321";
        long visitId;
        await using (var db = Database.CreateContext(MiniProvince.ActorFor(Mini.V11, "leader-1")))
        {
            var household = await db.Households.FirstAsync(h => h.UnitId == Mini.V11.Id);
            var visit = new HouseholdVisit
            {
                UnitId = Mini.V11.Id, HouseholdId = household.Id, VisitedOn = new DateOnly(2026, 3, 2), ClientRequestId = Guid.NewGuid(),
                Outcome = VisitOutcome.Guided, CreatedAtUtc = DateTime.UtcNow, Note = note,
            };
            db.HouseholdVisits.Add(visit);
            await db.SaveChangesAsync();
            visit.Note = edited;
            await db.SaveChangesAsync();
            visitId = visit.Id;
        }

        await using var check = Database.CreateSystemContext();
        var changes = await check.AuditEntries
            .Where(a => a.EntityType == nameof(HouseholdVisit) && a.EntityId == visitId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Changes!).ToListAsync();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c =>
        {
            Assert.DoesNotContain("Hoa", c, StringComparison.Ordinal);
            Assert.DoesNotContain("0987654321", c, StringComparison.Ordinal);
            Assert.DoesNotContain("654", c, StringComparison.Ordinal); // not even a masked phone's tail
        });
        using var update = JsonDocument.Parse(changes[1]);
        Assert.Equal($"(văn bản tự do, {note.Length} ký tự)", update.RootElement.GetProperty("before").GetProperty("Note").GetString());
        Assert.Equal($"(văn bản tự do, {edited.Length} ký tự)", update.RootElement.GetProperty("after").GetProperty("Note").GetString());
    }

    /// <summary>
    /// The guard for the next register: any long text column of an audited entity is either marked
    /// <see cref="FreeTextAttribute"/> or named here as text the system writes, so a new note field cannot
    /// reach the audit log in clear by omission.
    /// </summary>
    [Fact]
    public void EveryLongTextOfAnAuditedEntity_IsMarkedFreeText_OrIsWrittenByTheSystem()
    {
        string[] writtenBySystem =
        [
            "QuarterlyReport.FiguresJson", "QuarterlyReportSubmission.FiguresJson", // figures computed at submission
            "Household.SearchKey", "PracticeModel.SearchText", // derived search keys, ignored by the audit
        ];
        using var db = Database.CreateSystemContext();
        var unmarked = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && (typeof(IUnitScoped).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(AppUser)) && t.ClrType != typeof(AuditEntry))
            // Identity's own columns (ids, stamps, hashes) are declared by IdentityUser and handled by name in the interceptor.
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && (p.GetMaxLength() ?? int.MaxValue) >= 500 &&
                    p.PropertyInfo?.DeclaringType?.Assembly == typeof(AppUser).Assembly)
                .Select(p => (Name: $"{t.ClrType.Name}.{p.Name}", Property: p)))
            .Where(x => !Core.Data.Interceptors.AuditInterceptor.IsFreeText(x.Property) && !writtenBySystem.Contains(x.Name))
            .Select(x => x.Name).ToList();
        Assert.Empty(unmarked);

        // And the marks are where the prose is (the check above cannot pass by marking nothing).
        Assert.True(Core.Data.Interceptors.AuditInterceptor.IsFreeText(db.Model.FindEntityType(typeof(HouseholdVisit))!.FindProperty(nameof(HouseholdVisit.Note))!));
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
