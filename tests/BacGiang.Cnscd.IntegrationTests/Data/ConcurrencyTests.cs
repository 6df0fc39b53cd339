using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Data;

/// <summary>Two people editing the same aggregate: the second save is told, the first is kept.</summary>
public abstract class ConcurrencyTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    [Fact]
    public async Task SecondEditOfTheSameTeam_IsDetected_AndTheFirstIsKept()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        await using var first = Database.CreateContext(actor);
        await using var second = Database.CreateContext(actor);
        var a = await first.Teams.SingleAsync(t => t.UnitId == Mini.C1.Id);
        var b = await second.Teams.SingleAsync(t => t.UnitId == Mini.C1.Id);

        a.Hotline = "0204111222";
        await first.SaveChangesAsync();
        b.Hotline = "0204999888";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = Database.CreateSystemContext();
        var stored = await check.Teams.SingleAsync(t => t.UnitId == Mini.C1.Id);
        Assert.Equal("0204111222", stored.Hotline);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task EditBasedOnAStaleVersion_FromADisconnectedForm_IsDetected()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        int id;
        await using (var db = Database.CreateContext(actor))
        {
            var team = await db.Teams.SingleAsync(t => t.UnitId == Mini.C1.Id);
            id = team.Id;
            team.Hotline = "0204000001";
            await db.SaveChangesAsync(); // version 0 → 1
        }

        // A form loaded at version 0 posts its change.
        await using var stale = Database.CreateContext(actor);
        var loaded = await stale.Teams.SingleAsync(t => t.Id == id);
        stale.Entry(loaded).Property(t => t.Version).OriginalValue = 0;
        loaded.Hotline = "0204000002";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }
}

public sealed class SqliteConcurrencyTests() : ConcurrencyTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlConcurrencyTests() : ConcurrencyTests(DatabaseProvider.PostgreSql);
