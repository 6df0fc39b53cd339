using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>Hands feature services contexts on a test database, acting as one fixed actor.</summary>
public sealed class ActorContextFactory(TestDatabase database, Actor actor) : IDbContextFactory<CnscdDbContext>
{
    public CnscdDbContext CreateDbContext() => database.CreateContext(actor);
}
