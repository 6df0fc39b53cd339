using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Data;

/// <summary>The data layer's half of tenant isolation: the query filter and the write guard.</summary>
public abstract class ScopeIsolationTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    [Fact]
    public async Task CommuneScope_ReadsOnlyItsOwnSubtree()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));

        var villages = await db.Households.Select(h => h.VillageId).Distinct().ToListAsync();
        var teams = await db.Teams.Select(t => t.UnitId).ToListAsync();
        var units = await db.Units.Select(u => u.Id).ToListAsync();

        Assert.Equal(new int?[] { Mini.V11.Id, Mini.V12.Id }.Order(), villages.Order());
        Assert.Equal(new[] { Mini.C1.Id, Mini.V11.Id, Mini.V12.Id }.Order(), teams.Order());
        Assert.Equal(new[] { Mini.C1.Id, Mini.V11.Id, Mini.V12.Id }.Order(), units.Order());
    }

    [Fact]
    public async Task SiblingCommune_IsInvisible_EvenById()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C3));
        var otherHousehold = await Database.CreateSystemContext().Households.Where(h => h.VillageId == Mini.V11.Id).Select(h => h.Id).FirstAsync();

        Assert.Null(await db.Households.FirstOrDefaultAsync(h => h.Id == otherHousehold));
        Assert.Null(await db.Units.FindAsync(Mini.C1.Id));
        Assert.Equal(3, await db.Households.CountAsync());
    }

    [Fact]
    public async Task VillageScope_SeesItsVillageOnly()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.V12));
        Assert.All(await db.Households.ToListAsync(), h => Assert.Equal(Mini.V12.Id, h.VillageId));
        Assert.Equal([Mini.V12.Id], await db.Teams.Select(t => t.UnitId).ToListAsync());
    }

    [Fact]
    public async Task DistrictScope_SeesItsCommunesOnly()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));
        var communes = await db.Households.Select(h => h.CommuneId).Distinct().ToListAsync();
        Assert.Equal(new int?[] { Mini.C1.Id, Mini.C3.Id }.Order(), communes.Order());
    }

    [Fact]
    public async Task ProvinceScope_SeesEverything_AndNothingScopeSeesNothing()
    {
        await using (var province = Database.CreateContext(MiniProvince.ActorFor(Mini.Province)))
        {
            Assert.Equal(12, await province.Households.CountAsync());
        }

        await using var anonymous = Database.CreateContext(Actor.Anonymous);
        Assert.Equal(0, await anonymous.Households.CountAsync());
        Assert.Equal(0, await anonymous.Units.CountAsync());
        Assert.Equal(0, await anonymous.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Write_IntoAnotherCommune_IsRefused_AndNothingIsSaved()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));
        db.Households.Add(MiniProvince.NewHousehold(Mini.V21, "Phạm Văn Lạ"));

        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());

        await using var check = Database.CreateSystemContext();
        Assert.False(await check.Households.AnyAsync(h => h.HeadName == "Phạm Văn Lạ"));
    }

    [Fact]
    public async Task ForgedAncestry_IsRecomputedFromTheUnit()
    {
        // A commune officer of C1 writes a household of V11 but claims it belongs to C2's tree.
        await using (var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1)))
        {
            var household = MiniProvince.NewHousehold(Mini.V11, "Hoàng Văn Giả");
            household.DistrictId = Mini.D2.Id;
            household.CommuneId = Mini.C2.Id;
            household.VillageId = Mini.V21.Id;
            db.Households.Add(household);
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateSystemContext();
        var saved = await check.Households.SingleAsync(h => h.HeadName == "Hoàng Văn Giả");
        Assert.Equal((Mini.D1.Id, Mini.C1.Id, Mini.V11.Id), (saved.DistrictId!.Value, saved.CommuneId!.Value, saved.VillageId!.Value));
    }

    [Fact]
    public async Task MovingARowOutOfScope_IsRefused()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));
        var household = await db.Households.FirstAsync();
        household.UnitId = Mini.V21.Id;

        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AttachedRowOfAnotherCommune_CannotBeUpdatedOrDeleted()
    {
        var foreign = await Database.CreateSystemContext().Households.AsNoTracking().FirstAsync(h => h.VillageId == Mini.V21.Id);
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));

        // A forged request that knows the other row's id and version and attaches it directly.
        db.Households.Update(foreign);
        foreign.HeadName = "Bị sửa trái phép";
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.Households.Remove(foreign);
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());

        await using var check = Database.CreateSystemContext();
        var stored = await check.Households.SingleAsync(h => h.Id == foreign.Id);
        Assert.NotEqual("Bị sửa trái phép", stored.HeadName);
    }

    [Fact]
    public async Task VillageLeader_CannotCreateUnits()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.V11));
        db.Units.Add(new AdministrativeUnit { Code = "X", Name = "Thôn mới", Level = UnitLevel.Village, Kind = UnitKind.Village, ParentId = Mini.C1.Id });
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task CommuneOfficer_CreatesAVillage_WithFullAncestry()
    {
        await using (var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1)))
        {
            db.Units.Add(new AdministrativeUnit
            {
                Code = "07444-03", Name = "Tổ dân phố số 3", Level = UnitLevel.Village, Kind = UnitKind.ResidentialGroup,
                ParentId = Mini.C1.Id, ValidFrom = new DateOnly(2026, 1, 1),
            });
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateSystemContext();
        var village = await check.Units.SingleAsync(u => u.Code == "07444-03");
        Assert.Equal((Mini.D1.Id, Mini.C1.Id, village.Id), (village.DistrictId!.Value, village.CommuneId!.Value, village.VillageId!.Value));
    }
}

public sealed class SqliteScopeIsolationTests() : ScopeIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlScopeIsolationTests() : ScopeIsolationTests(DatabaseProvider.PostgreSql);
