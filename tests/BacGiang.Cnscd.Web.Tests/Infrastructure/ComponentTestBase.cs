using BacGiang.Cnscd.Core;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.Web.Tests.Infrastructure;

/// <summary>
/// bUnit with MudBlazor services and the real data services over a small SQLite province, read as
/// the given actor (so components are tested with the scope filter in place).
/// </summary>
public abstract class ComponentTestBase : ViewTestBase, IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cnscd-bunit-" + Guid.NewGuid().ToString("N") + ".db");

    protected ComponentTestBase()
    {
        Settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_path};Pooling=false", false);
        Services.AddSingleton<IActorAccessor>(Actor);
        Services.AddSingleton<IDbContextFactory<CnscdDbContext>>(sp => new Factory(Settings, sp.GetRequiredService<IActorAccessor>()));
        Services.AddLogging();
        // The portal's own registration of Core's services, so a page test sees what the portal sees.
        Services.AddCnscdCore();
    }

    protected DatabaseSettings Settings { get; }

    protected FixedActorAccessor Actor { get; } = new(BacGiang.Cnscd.Core.Tenancy.Actor.System("component test"));

    protected AdministrativeUnit Province { get; private set; } = null!;

    protected AdministrativeUnit LucNam { get; private set; } = null!;

    protected AdministrativeUnit YenThe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test set-up"));
        await db.Database.MigrateAsync();
        var from = new DateOnly(2025, 3, 1);
        Province = new AdministrativeUnit { Code = "24", Name = "Tỉnh Bắc Giang", Level = UnitLevel.Province, Kind = UnitKind.Province, ValidFrom = from };
        LucNam = new AdministrativeUnit { Code = "218", Name = "Huyện Lục Nam", Level = UnitLevel.District, Kind = UnitKind.RuralDistrict, Parent = Province, ValidFrom = from };
        YenThe = new AdministrativeUnit { Code = "215", Name = "Huyện Yên Thế", Level = UnitLevel.District, Kind = UnitKind.RuralDistrict, Parent = Province, ValidFrom = from };
        db.Units.AddRange(Province, LucNam, YenThe);
        await db.SaveChangesAsync();
        var communes = new[] { "Xã Đông Hưng", "Xã Đông Phú", "Thị trấn Đồi Ngô" }
            .Select((name, i) => new AdministrativeUnit { Code = "0745" + i, Name = name, Level = UnitLevel.Commune, Kind = UnitKind.Commune, Parent = LucNam, ValidFrom = from })
            .ToList();
        db.Units.AddRange(communes);
        await db.SaveChangesAsync();
        db.Teams.AddRange(communes.Select(c => new Team { UnitId = c.Id, Name = "Tổ CNSCĐ " + c.Name, Level = UnitLevel.Commune, CreatedAtUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Acts as an officer of <paramref name="unit"/>, with the role accounts of that level have.</summary>
    protected void ActAs(AdministrativeUnit unit) =>
        Actor.Current = new BacGiang.Cnscd.Core.Tenancy.Actor("u", "u", unit.Id, DataScope.ForUnit(unit.Level, unit.DistrictId, unit.CommuneId, unit.VillageId),
            Role: unit.Level switch
            {
                UnitLevel.Province => AppRole.ProvinceAdmin,
                UnitLevel.District => AppRole.DistrictOfficer,
                UnitLevel.Commune => AppRole.CommuneOfficer,
                _ => AppRole.VillageLeader,
            });

    private sealed class Factory(DatabaseSettings settings, IActorAccessor actor) : IDbContextFactory<CnscdDbContext>
    {
        public CnscdDbContext CreateDbContext() => CnscdDatabase.CreateContext(settings, actor.Current);
    }
}
