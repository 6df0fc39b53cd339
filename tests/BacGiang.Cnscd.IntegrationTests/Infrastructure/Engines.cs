using BacGiang.Cnscd.Core.Data;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>
/// Base of a test class whose tests run on both engines: a subclass per engine names the provider,
/// and every test gets a fresh migrated database holding the <see cref="MiniProvince"/>.
/// </summary>
public abstract class EngineTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected MiniProvince Mini { get; private set; } = null!;

    protected DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Mini = await MiniProvince.CreateAsync(Database);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
