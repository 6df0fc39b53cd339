using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>Hands feature services contexts on a test database, acting as one fixed actor (on the real clock unless told).</summary>
public sealed class ActorContextFactory(TestDatabase database, Actor actor, VietnamClock? clock = null) : IDbContextFactory<CnscdDbContext>
{
    public CnscdDbContext CreateDbContext() => database.CreateContext(actor, clock);

    /// <summary>The same database and actor, with contexts that stamp audit rows and summaries with <paramref name="other"/>.</summary>
    public ActorContextFactory WithClock(VietnamClock other) => new(database, actor, other);
}
