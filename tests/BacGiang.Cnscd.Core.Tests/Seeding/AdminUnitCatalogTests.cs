using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Seeding;

namespace BacGiang.Cnscd.Core.Tests.Seeding;

public class AdminUnitCatalogTests
{
    [Fact]
    public void Load_GivesTheRealProvince()
    {
        var rows = AdminUnitCatalog.Load();

        Assert.Equal(195, rows.Count);
        Assert.Single(rows.Select(r => r.ProvinceCode).Distinct());
        Assert.Equal("Tỉnh Bắc Giang", rows[0].ProvinceName);
        Assert.Equal(10, rows.Select(r => r.DistrictCode).Distinct().Count());
        Assert.Equal(195, rows.Select(r => r.CommuneCode).Distinct().Count());
        Assert.Equal(146, rows.Count(r => r.CommuneKind == UnitKind.Commune));
        Assert.Equal(35, rows.Count(r => r.CommuneKind == UnitKind.Ward));
        Assert.Equal(14, rows.Count(r => r.CommuneKind == UnitKind.Township));
        Assert.Contains(rows, r => r.DistrictName == "Huyện Lục Nam" && r.CommuneName == "Thị trấn Đồi Ngô");
    }
}
