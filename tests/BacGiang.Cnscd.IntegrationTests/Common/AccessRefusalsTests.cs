using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Common;

/// <summary>The one refusal path: where a forbidden target lives, and one audit row filed under that unit.</summary>
public abstract class AccessRefusalsTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private AccessRefusals RefusalsFor(Actor actor) => CoreServices.Create<AccessRefusals>(new ActorContextFactory(Database, actor));

    [Fact]
    public async Task Refuse_AForeignHousehold_WritesOneRowUnderTheHouseholdsVillage_AndReturnsTheReason()
    {
        int householdId;
        await using (var db = Database.CreateSystemContext())
        {
            householdId = await db.Households.Where(h => h.UnitId == Mini.V21.Id).Select(h => h.Id).FirstAsync();
        }

        var actor = MiniProvince.ActorFor(Mini.C1, "officer-c1");
        var exception = await RefusalsFor(actor).RefuseAsync<Household>(householdId, "thử từ chối", new { visit = 7 });

        Assert.Equal("thử từ chối", exception.Message);
        await using var check = Database.CreateSystemContext();
        var rows = await check.AuditEntries.Where(a => a.Action == AuditActions.Refused).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal((Mini.V21.Id, nameof(Household), householdId.ToString(System.Globalization.CultureInfo.InvariantCulture), "officer-c1"),
            (row.UnitId!.Value, row.EntityType, row.EntityId, row.UserId));
        Assert.Equal("{\"reason\":\"thử từ chối\",\"visit\":7}", row.Changes);
    }

    [Fact]
    public async Task Locate_FindsUnitsAndScopedRowsAcrossScopes_AndNothingForUnknownIds()
    {
        var refusals = RefusalsFor(MiniProvince.ActorFor(Mini.V11));
        int teamId;
        await using (var db = Database.CreateSystemContext())
        {
            teamId = await db.Teams.Where(t => t.UnitId == Mini.C2.Id).Select(t => t.Id).SingleAsync();
        }

        Assert.Equal(Mini.D2.Id, await refusals.LocateAsync<AdministrativeUnit, int>(Mini.D2.Id));
        Assert.Equal(Mini.C2.Id, await refusals.LocateAsync<Team, int>(teamId));
        Assert.Null(await refusals.LocateAsync<Team, int>(987_654));
        Assert.Null(await refusals.LocateAsync<Attachment, Guid>(Guid.NewGuid()));
        Assert.True(await refusals.ExistsAsync<Team>(teamId));
        Assert.False(await refusals.ExistsAsync<Household>(987_654));
    }

    [Fact]
    public async Task Refuse_AnUnknownId_IsFiledUnderNoUnit()
    {
        await RefusalsFor(MiniProvince.ActorFor(Mini.C1)).RefuseAsync<Team>(987_654, "không có tổ này");
        await using var check = Database.CreateSystemContext();
        var row = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Refused);
        Assert.Null(row.UnitId);
    }

    [Fact]
    public async Task BulkSeed_RefusesAUserActor_HoweverWideTheirScope()
    {
        await using var empty = await TestDatabase.CreateAsync(Provider);
        await using var db = empty.CreateContext(MiniProvince.ActorFor(Mini.Province, "admin"));
        var seeder = new ProvinceSeeder(db);
        await Assert.ThrowsAsync<ScopeViolationException>(() => seeder.SeedHierarchyAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ScopeViolationException>(() =>
            seeder.SeedAsync(SeedOptions.Demo(new DateOnly(2026, 11, 28)), null, CancellationToken.None));
        await using var check = empty.CreateSystemContext();
        Assert.False(await check.Units.AnyAsync());
    }
}

public sealed class SqliteAccessRefusalsTests() : AccessRefusalsTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAccessRefusalsTests() : AccessRefusalsTests(DatabaseProvider.PostgreSql);
