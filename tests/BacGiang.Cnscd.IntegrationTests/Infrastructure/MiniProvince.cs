using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>
/// A small hand-made province, written through EF as the application writes (so the interceptors run):
/// two districts; communes C1 and C3 in D1, C2 in D2; villages V11, V12 (C1), V21 (C2), V31 (C3);
/// a team and households in every village; a team in every commune.
/// </summary>
public sealed class MiniProvince
{
    public required AdministrativeUnit Province { get; init; }

    public required AdministrativeUnit D1 { get; init; }

    public required AdministrativeUnit D2 { get; init; }

    public required AdministrativeUnit C1 { get; init; }

    public required AdministrativeUnit C2 { get; init; }

    public required AdministrativeUnit C3 { get; init; }

    public required AdministrativeUnit V11 { get; init; }

    public required AdministrativeUnit V12 { get; init; }

    public required AdministrativeUnit V21 { get; init; }

    public required AdministrativeUnit V31 { get; init; }

    public IEnumerable<AdministrativeUnit> Villages => [V11, V12, V21, V31];

    public IEnumerable<AdministrativeUnit> Communes => [C1, C2, C3];

    public static async Task<MiniProvince> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateSystemContext();
        var from = new DateOnly(2025, 3, 1);
        AdministrativeUnit Unit(string code, string name, UnitLevel level, UnitKind kind, AdministrativeUnit? parent) =>
            new() { Code = code, Name = name, Level = level, Kind = kind, Parent = parent, ValidFrom = from };

        var province = Unit("24", "Tỉnh Bắc Giang", UnitLevel.Province, UnitKind.Province, null);
        var d1 = Unit("218", "Huyện Lục Nam", UnitLevel.District, UnitKind.RuralDistrict, province);
        var d2 = Unit("215", "Huyện Yên Thế", UnitLevel.District, UnitKind.RuralDistrict, province);
        db.Units.AddRange(province, d1, d2);
        await db.SaveChangesAsync();
        var c1 = Unit("07444", "Thị trấn Đồi Ngô", UnitLevel.Commune, UnitKind.Township, d1);
        var c3 = Unit("07450", "Xã Đông Hưng", UnitLevel.Commune, UnitKind.Commune, d1);
        var c2 = Unit("07282", "Xã Đồng Tiến", UnitLevel.Commune, UnitKind.Commune, d2);
        db.Units.AddRange(c1, c2, c3);
        await db.SaveChangesAsync();
        var v11 = Unit("07444-01", "Tổ dân phố số 1", UnitLevel.Village, UnitKind.ResidentialGroup, c1);
        var v12 = Unit("07444-02", "Tổ dân phố số 2", UnitLevel.Village, UnitKind.ResidentialGroup, c1);
        var v21 = Unit("07282-01", "Thôn Đồng Tâm", UnitLevel.Village, UnitKind.Village, c2);
        var v31 = Unit("07450-01", "Thôn Hòa Bình", UnitLevel.Village, UnitKind.Village, c3);
        db.Units.AddRange(v11, v12, v21, v31);
        await db.SaveChangesAsync();

        var mini = new MiniProvince { Province = province, D1 = d1, D2 = d2, C1 = c1, C2 = c2, C3 = c3, V11 = v11, V12 = v12, V21 = v21, V31 = v31 };
        foreach (var unit in mini.Communes.Concat(mini.Villages))
        {
            db.Teams.Add(new Team { UnitId = unit.Id, Name = "Tổ CNSCĐ " + unit.Name, Level = unit.Level, CreatedAtUtc = DateTime.UtcNow });
        }

        string[] heads = ["Nguyễn Văn Đức", "Trần Thị Hằng", "Lê Văn Nam"];
        foreach (var village in mini.Villages)
        {
            foreach (var head in heads)
            {
                db.Households.Add(NewHousehold(village, head));
            }
        }

        await db.SaveChangesAsync();
        return mini;
    }

    public static Household NewHousehold(AdministrativeUnit village, string head, string? address = null)
    {
        address ??= "Xóm 1, " + village.Name;
        return new Household
        {
            UnitId = village.Id, HeadName = head, Address = address, SearchKey = VietnameseText.ToSearchKey(head + " " + address),
            Size = 4, Phone = "0912345678", CreatedAtUtc = DateTime.UtcNow,
        };
    }

    /// <summary>An officer of <paramref name="unit"/> with the role that level's accounts have (ProvinceAdmin for the province).</summary>
    public static Actor ActorFor(AdministrativeUnit unit, string userId = "test-user") =>
        new(userId, userId + "@test", unit.Id, DataScope.ForUnit(unit.Level, unit.DistrictId, unit.CommuneId, unit.VillageId),
            Role: unit.Level switch
            {
                UnitLevel.Province => AppRole.ProvinceAdmin,
                UnitLevel.District => AppRole.DistrictOfficer,
                UnitLevel.Commune => AppRole.CommuneOfficer,
                _ => AppRole.VillageLeader,
            });
}
