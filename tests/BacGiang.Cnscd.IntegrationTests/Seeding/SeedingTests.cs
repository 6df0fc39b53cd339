using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Seeding;

/// <summary>The seed writes the real hierarchy and a consistent generated province through the bulk path.</summary>
public abstract class SeedingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static SeedOptions SmallSeed => new() { Households = 1_500, CommunesWithHouseholdsPerDistrict = 1, Today = Today };

    [Fact]
    public async Task Seed_WritesTheRealHierarchy_AndAConsistentProvince()
    {
        await using (var db = _database.CreateSystemContext())
        {
            var report = await new ProvinceSeeder(db).SeedAsync(SmallSeed, null, CancellationToken.None);
            Assert.Equal(1_500, report.RowsOf("Households"));
        }

        await using var check = _database.CreateSystemContext();
        Assert.Equal(1, await check.Units.CountAsync(u => u.Level == UnitLevel.Province));
        Assert.Equal(10, await check.Units.CountAsync(u => u.Level == UnitLevel.District));
        Assert.Equal(195, await check.Units.CountAsync(u => u.Level == UnitLevel.Commune));
        Assert.InRange(await check.Units.CountAsync(u => u.Level == UnitLevel.Village), 1_500, 2_300);
        Assert.True(await check.Units.AnyAsync(u => u.Code == "07444" && u.Name == "Thị trấn Đồi Ngô" && u.Kind == UnitKind.Township));
        // Every commune and village has exactly one team.
        Assert.Equal(await check.Units.CountAsync(u => u.Level >= UnitLevel.Commune), await check.Teams.CountAsync());
        // Ancestry written by the bulk path agrees with the unit tree.
        Assert.False(await check.Households.AnyAsync(h => h.VillageId != h.UnitId || h.CommuneId == null || h.DistrictId == null));
        Assert.False(await (from h in check.Households join v in check.Units on h.UnitId equals v.Id
                            where v.ParentId != h.CommuneId select h).AnyAsync());
        // Skill rows and the stored skill flags say the same (and the newest skill date); no visit in the future.
        var households = await check.Households.Include(h => h.Skills).ToListAsync();
        Assert.All(households, h =>
        {
            Assert.Equal(h.SkillsGuided, h.Skills.Aggregate(DigitalSkills.None, (all, s) => all | s.Skill));
            Assert.Equal(h.Skills.Count == 0 ? null : h.Skills.Max(s => s.GuidedOn), h.SkillsLastGuidedOn);
            Assert.Equal(HouseholdCoverageRule.Evaluate(h.SkillsGuided, h.HasVneidLevel2, h.HasPublicServiceAccount, h.NeedsAssistance, h.AssistantMemberId), h.Coverage);
        });
        Assert.False(await check.HouseholdVisits.AnyAsync(v => v.VisitedOn > Today));
        Assert.True(await check.HouseholdVisits.CountAsync() > 3 * 1_500);
    }

    [Fact]
    public async Task AfterTheSeed_TheApplicationAddsHouseholdsAndVisits_WithoutIdCollisions()
    {
        await using (var db = _database.CreateSystemContext())
        {
            await new ProvinceSeeder(db).SeedAsync(SmallSeed, null, CancellationToken.None);
        }

        await using var app = _database.CreateSystemContext();
        var existing = await app.Households.OrderBy(h => h.Id).FirstAsync();
        var household = new Household
        {
            UnitId = existing.UnitId, HeadName = "Hộ Sau Seed", Address = "Xóm Mới", SearchKey = "ho sau seed xom moi", Size = 2, CreatedAtUtc = DateTime.UtcNow,
        };
        app.Households.Add(household);
        app.HouseholdVisits.Add(new HouseholdVisit
        {
            UnitId = existing.UnitId, HouseholdId = existing.Id, VisitedOn = Today, Outcome = VisitOutcome.NobodyHome,
            ClientRequestId = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow,
        });

        // PostgreSQL's identity sequences must have been moved past the ids the bulk path wrote.
        await app.SaveChangesAsync();
        Assert.True(household.Id > existing.Id);
    }

    [Fact]
    public async Task Seed_IsDeterministic()
    {
        await using (var db = _database.CreateSystemContext())
        {
            await new ProvinceSeeder(db).SeedAsync(SmallSeed, null, CancellationToken.None);
        }

        await using var other = await TestDatabase.CreateAsync(provider);
        await using (var db = other.CreateSystemContext())
        {
            await new ProvinceSeeder(db).SeedAsync(SmallSeed, null, CancellationToken.None);
        }

        async Task<List<string>> Heads(TestDatabase database)
        {
            await using var db = database.CreateSystemContext();
            return await db.Households.OrderBy(h => h.Id).Take(50).Select(h => h.HeadName + "|" + h.Address).ToListAsync();
        }

        Assert.Equal(await Heads(_database), await Heads(other));
    }

    [Fact]
    public async Task Seed_OnADatabaseWithData_IsRefused()
    {
        await using var db = _database.CreateSystemContext();
        await new ProvinceSeeder(db).SeedHierarchyAsync(CancellationToken.None);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new ProvinceSeeder(db).SeedAsync(SmallSeed, null, CancellationToken.None));
        Assert.Contains("đã có dữ liệu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_InterruptedHalfWay_LeavesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnHouseholds(cancellation);
        await using (var db = _database.CreateSystemContext())
        {
            var options = SmallSeed with { Households = 20_000, CommunesWithHouseholdsPerDistrict = 3 };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ProvinceSeeder(db).SeedAsync(options, progress, cancellation.Token));
        }

        Assert.True(progress.Cancelled, "the run was interrupted while writing households");
        await using var check = _database.CreateSystemContext();
        Assert.Equal(0, await check.Units.CountAsync());
        Assert.Equal(0, await check.Teams.CountAsync());
        Assert.Equal(0, await check.Households.CountAsync());
    }

    [Fact]
    public async Task SeedHierarchy_WritesOnlyTheOfficialUnits()
    {
        await using (var db = _database.CreateSystemContext())
        {
            Assert.Equal(206, await new ProvinceSeeder(db).SeedHierarchyAsync(CancellationToken.None));
        }

        await using var check = _database.CreateSystemContext();
        Assert.Equal(0, await check.Units.CountAsync(u => u.Level == UnitLevel.Village));
        var commune = await check.Units.SingleAsync(u => u.Code == "07444");
        Assert.Equal(commune.Id, commune.CommuneId);
        Assert.Equal(commune.ParentId, commune.DistrictId);
    }

    /// <summary>Cancels the run at its first progress line about households: half-way through the bulk load.</summary>
    private sealed class CancelOnHouseholds(CancellationTokenSource cancellation) : IProgress<string>
    {
        public bool Cancelled { get; private set; }

        public void Report(string value)
        {
            if (value.StartsWith("Hộ gia đình", StringComparison.Ordinal) && !Cancelled)
            {
                Cancelled = true;
                cancellation.Cancel();
            }
        }
    }
}

public sealed class SqliteSeedingTests() : SeedingTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlSeedingTests() : SeedingTests(DatabaseProvider.PostgreSql);
