using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Benchmarks.Households;

/// <summary>
/// The 540,000-household scale seed (see docs/performance.md), on the engine a benchmark parameter names:
/// <c>CNSCD_BENCH_SQLITE</c> (a SQLite file) and <c>CNSCD_BENCH_POSTGRES</c> (a connection string).
/// </summary>
internal sealed class ScaleDatabase(DatabaseSettings settings) : IDbContextFactory<CnscdDbContext>
{
    public Actor Actor { get; private set; } = Actor.System("benchmark");

    public DatabaseSettings Settings => settings;

    public static ScaleDatabase For(string engine) => engine switch
    {
        "Sqlite" => new(new DatabaseSettings(DatabaseProvider.Sqlite,
            "Data Source=" + Required("CNSCD_BENCH_SQLITE"), false)),
        "PostgreSql" => new(new DatabaseSettings(DatabaseProvider.PostgreSql, Required("CNSCD_BENCH_POSTGRES"), false)),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    /// <summary>Acts from now on as an officer of <paramref name="unit"/> with that level's role.</summary>
    public ScaleDatabase As(AdministrativeUnit unit)
    {
        Actor = new Actor("benchmark", "benchmark", unit.Id, DataScope.ForUnit(unit.Level, unit.DistrictId, unit.CommuneId, unit.VillageId),
            Role: unit.Level switch
            {
                UnitLevel.District => AppRole.DistrictOfficer,
                UnitLevel.Commune => AppRole.CommuneOfficer,
                _ => AppRole.VillageLeader,
            });
        return this;
    }

    public CnscdDbContext CreateDbContext() => CnscdDatabase.CreateContext(settings, Actor);

    public CnscdDbContext CreateSystemContext() => CnscdDatabase.CreateContext(settings, Actor.System("benchmark"));

    /// <summary>The unit of a level whose household count is closest to <paramref name="households"/> (int.MaxValue: the largest).</summary>
    public async Task<AdministrativeUnit> UnitWithAboutAsync(UnitLevel level, int households)
    {
        await using var db = CreateSystemContext();
        var counts = level == UnitLevel.District
            ? await db.Households.GroupBy(h => h.DistrictId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync()
            : await db.Households.GroupBy(h => h.CommuneId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        var id = counts.OrderBy(c => Math.Abs((long)c.Count - households)).First().Id;
        return await db.Units.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {variable} to the scale seed's database (docs/performance.md).");
}
