using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Core.Tests.Features.Privacy;

public class PersonalDataPolicyTests
{
    private static readonly Household InVillage100 = new() { DistrictId = 1, CommuneId = 10, VillageId = 100 };

    private static Actor Acting(UnitLevel level, int? district, int? commune, int? village) =>
        new("u", "u", 1, DataScope.ForUnit(level, district, commune, village));

    [Theory]
    [InlineData(UnitLevel.Village, 1, 10, 100, "0912345678")]   // the village leader of that village
    [InlineData(UnitLevel.Commune, 1, 10, null, "0912345678")]  // the commune officer of that commune
    [InlineData(UnitLevel.District, 1, null, null, "09xx xxx 678")] // the district reads figures
    [InlineData(UnitLevel.Province, null, null, null, "09xx xxx 678")]
    [InlineData(UnitLevel.Village, 1, 10, 101, "09xx xxx 678")] // another village's leader (were it ever shown)
    public void Phone_IsShownInFullOnlyToThoseWhoWorkWithThePerson(UnitLevel level, int? district, int? commune, int? village, string expected) =>
        Assert.Equal(expected, PersonalDataPolicy.Phone(Acting(level, district, commune, village), InVillage100, "0912345678"));

    [Fact]
    public void Phone_ForSystemWorkAndAnonymous_IsMasked()
    {
        Assert.Equal("09xx xxx 678", PersonalDataPolicy.Phone(Actor.System("export"), InVillage100, "0912345678"));
        Assert.Equal("09xx xxx 678", PersonalDataPolicy.Phone(Actor.Anonymous, InVillage100, "0912345678"));
        Assert.Equal("", PersonalDataPolicy.Phone(Actor.Anonymous, InVillage100, null));
    }
}
