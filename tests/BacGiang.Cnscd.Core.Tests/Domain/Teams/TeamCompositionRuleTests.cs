using BacGiang.Cnscd.Core.Domain;
using Holder = BacGiang.Cnscd.Core.Domain.TeamCompositionRule.Holder;

namespace BacGiang.Cnscd.Core.Tests.Domain.Teams;

public class TeamCompositionRuleTests
{
    private static readonly Holder CommuneChair = new(TeamPosition.Leader, OfficialTitle.CommuneChair);
    private static readonly Holder PoliceChief = new(TeamPosition.Deputy, OfficialTitle.CommunePoliceChief);
    private static readonly Holder YouthSecretary = new(TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary);
    private static readonly Holder Member = new(TeamPosition.Member, OfficialTitle.None);

    [Fact]
    public void CommuneTeam_WithAllPrescribedHolders_IsConstituted() =>
        Assert.True(TeamCompositionRule.IsConstituted(UnitLevel.Commune, [CommuneChair, PoliceChief, YouthSecretary, Member]));

    [Fact]
    public void CommuneTeam_WithoutPoliceChief_SaysExactlyThat()
    {
        var missing = TeamCompositionRule.Missing(UnitLevel.Commune, [CommuneChair, YouthSecretary, Member]);
        Assert.Equal(["Chưa có Trưởng Công an xã làm Tổ phó"], missing);
    }

    [Fact]
    public void CommuneTeam_PoliceChiefAsPlainMember_DoesNotCount()
    {
        var missing = TeamCompositionRule.Missing(UnitLevel.Commune,
            [CommuneChair, YouthSecretary, new Holder(TeamPosition.Member, OfficialTitle.CommunePoliceChief)]);
        Assert.Contains("Chưa có Trưởng Công an xã làm Tổ phó", missing);
    }

    [Fact]
    public void CommuneTeam_LedBySomeoneElse_LacksTheChairAsLeader()
    {
        var missing = TeamCompositionRule.Missing(UnitLevel.Commune,
            [new Holder(TeamPosition.Leader, OfficialTitle.None), PoliceChief, YouthSecretary]);
        Assert.Equal(["Chưa có Chủ tịch UBND xã làm Tổ trưởng"], missing);
    }

    [Fact]
    public void CommuneTeam_TwoLeaders_IsNotConstituted()
    {
        var missing = TeamCompositionRule.Missing(UnitLevel.Commune,
            [CommuneChair, PoliceChief, YouthSecretary, new Holder(TeamPosition.Leader, OfficialTitle.None)]);
        Assert.Equal(["Tổ có nhiều hơn một Tổ trưởng"], missing);
    }

    [Fact]
    public void EmptyTeam_MissesAllThree()
    {
        Assert.Equal(3, TeamCompositionRule.Missing(UnitLevel.Commune, []).Count);
        Assert.Equal(3, TeamCompositionRule.Missing(UnitLevel.Village, []).Count);
    }

    [Fact]
    public void VillageTeam_UsesVillageOffices()
    {
        Assert.True(TeamCompositionRule.IsConstituted(UnitLevel.Village,
        [
            new Holder(TeamPosition.Leader, OfficialTitle.VillageHead),
            new Holder(TeamPosition.Deputy, OfficialTitle.VillagePoliceOfficer),
            new Holder(TeamPosition.Deputy, OfficialTitle.VillageYouthUnionSecretary),
        ]));
        // Commune offices do not satisfy a village team.
        Assert.False(TeamCompositionRule.IsConstituted(UnitLevel.Village, [CommuneChair, PoliceChief, YouthSecretary]));
    }
}
