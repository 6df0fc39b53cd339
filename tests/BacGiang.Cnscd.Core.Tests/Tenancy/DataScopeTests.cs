using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Core.Tests.Tenancy;

public class DataScopeTests
{
    [Theory]
    [InlineData(1, 10, 100, true)]   // own village
    [InlineData(1, 10, null, true)]  // the commune itself
    [InlineData(1, 11, 110, false)]  // sibling commune
    [InlineData(2, 20, 200, false)]  // other district
    [InlineData(null, null, null, false)] // a province-level row
    public void CommuneScope_CoversOnlyItsSubtree(int? district, int? commune, int? village, bool expected) =>
        Assert.Equal(expected, DataScope.ForUnit(UnitLevel.Commune, 1, 10, null).Covers(district, commune, village));

    [Fact]
    public void VillageScope_DoesNotCoverTheCommuneRow() =>
        Assert.False(DataScope.ForUnit(UnitLevel.Village, 1, 10, 100).Covers(1, 10, null));

    [Fact]
    public void WholeProvince_CoversEverything() =>
        Assert.True(DataScope.WholeProvince.Covers(2, 20, 200) && DataScope.WholeProvince.Covers(null, null, null));

    [Fact]
    public void Nothing_CoversNothing()
    {
        Assert.False(DataScope.Nothing.Covers(null, null, null));
        Assert.False(DataScope.Nothing.Covers(1, 10, 100));
        Assert.True(DataScope.Nothing.IsNothing);
    }

    [Fact]
    public void ForUnit_WithoutTheLevelsOwnId_GivesNothing() =>
        Assert.True(DataScope.ForUnit(UnitLevel.Commune, 1, null, null).IsNothing);

    [Fact]
    public void Unrestricted_NamesItsReason()
    {
        var scope = DataScope.Unrestricted("seed");
        Assert.True(scope.IsUnrestricted);
        Assert.Contains("seed", scope.Description, StringComparison.Ordinal);
    }
}
