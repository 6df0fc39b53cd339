using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Teams;

namespace BacGiang.Cnscd.Core.Tests.Domain.Teams;

/// <summary>R1 and R5 over every combination of what a team has and lacks.</summary>
public class TeamRuleCombinationTests
{
    public static TheoryData<UnitLevel, int> R1Combinations()
    {
        var data = new TheoryData<UnitLevel, int>();
        foreach (var level in new[] { UnitLevel.Commune, UnitLevel.Village })
        {
            for (var mask = 0; mask < 8; mask++)
            {
                data.Add(level, mask);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(R1Combinations))]
    public void R1_EachSubsetOfPrescribedHolders_MissesExactlyTheOthers(UnitLevel level, int present)
    {
        var requirements = TeamCompositionRule.RequirementsFor(level);
        var holders = requirements.Where((_, i) => (present & (1 << i)) != 0)
            .Select(r => new TeamCompositionRule.Holder(r.Position, r.Title))
            .Append(new TeamCompositionRule.Holder(TeamPosition.Member, OfficialTitle.None))
            .ToList();

        var missing = TeamCompositionRule.Missing(level, holders);

        Assert.Equal(requirements.Where((_, i) => (present & (1 << i)) == 0).Select(r => r.MissingMessage), missing);
        Assert.Equal(present == 7, TeamCompositionRule.IsConstituted(level, holders));
        var checklist = TeamService.Checklist(level, holders);
        Assert.Equal(3, checklist.Count);
        Assert.Equal(present == 7, checklist.All(c => c.IsMet));
    }

    [Theory]
    [InlineData(UnitLevel.Commune, OfficialTitle.VillageHead)]
    [InlineData(UnitLevel.Village, OfficialTitle.CommuneChair)]
    public void R1_TheOtherLevelsOffice_DoesNotCount(UnitLevel level, OfficialTitle wrongLeader)
    {
        var requirements = TeamCompositionRule.RequirementsFor(level);
        var holders = requirements.Skip(1).Select(r => new TeamCompositionRule.Holder(r.Position, r.Title))
            .Append(new TeamCompositionRule.Holder(TeamPosition.Leader, wrongLeader));

        Assert.Equal([requirements[0].MissingMessage], TeamCompositionRule.Missing(level, holders));
        Assert.False(TeamRosterService.TitleFitsLevel(level, wrongLeader));
    }

    [Theory]
    [InlineData(OfficialTitle.CommuneChair, TeamPosition.Deputy)]
    [InlineData(OfficialTitle.CommunePoliceChief, TeamPosition.Leader)]
    [InlineData(OfficialTitle.CommuneYouthUnionSecretary, TeamPosition.Member)]
    public void R1_ARightOfficeInTheWrongPosition_IsStillMissing(OfficialTitle title, TeamPosition wrongPosition)
    {
        var requirements = TeamCompositionRule.RequirementsFor(UnitLevel.Commune);
        var holders = requirements.Select(r => r.Title == title
            ? new TeamCompositionRule.Holder(wrongPosition, r.Title)
            : new TeamCompositionRule.Holder(r.Position, r.Title));

        Assert.Contains(requirements.Single(r => r.Title == title).MissingMessage, TeamCompositionRule.Missing(UnitLevel.Commune, holders));
    }

    public static TheoryData<bool, int, bool> R5Combinations()
    {
        var data = new TheoryData<bool, int, bool>();
        foreach (var regulation in new[] { true, false })
        {
            foreach (var withoutTask in new[] { 0, 2 })
            {
                foreach (var plan in new[] { true, false })
                {
                    data.Add(regulation, withoutTask, plan);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(R5Combinations))]
    public void R5_EachCombination_FlagsExactlyWhatIsMissing(bool hasRegulation, int membersWithoutTask, bool hasPlan)
    {
        var governance = new TeamGovernance(hasRegulation ? "15/QĐ-UBND" : null, hasRegulation ? new DateOnly(2025, 3, 10) : null,
            membersWithoutTask, 2026, hasPlan);

        var expected = new List<string>();
        if (!hasRegulation)
        {
            expected.Add("Chưa có Quy chế hoạt động (số và ngày ban hành)");
        }

        if (membersWithoutTask > 0)
        {
            expected.Add("2 thành viên chưa được phân công nhiệm vụ");
        }

        if (!hasPlan)
        {
            expected.Add("Chưa có Kế hoạch năm 2026");
        }

        Assert.Equal(expected, governance.Missing);
        Assert.Equal(expected.Count == 0, governance.IsComplete);
    }

    [Fact]
    public void R5_ARegulationNumberWithoutItsDate_IsNoRegulation()
    {
        Assert.False(new TeamGovernance("15/QĐ-UBND", null, 0, 2026, true).HasRegulation);
        Assert.False(new TeamGovernance("  ", new DateOnly(2025, 1, 1), 0, 2026, true).HasRegulation);
    }
}
