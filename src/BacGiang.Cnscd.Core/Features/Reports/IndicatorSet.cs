using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// The indicators of a quarterly report for one unit (domain.md, "Indicators of a quarterly report"), as
/// counts. Every field is additive, so a parent's figures are the sum of its children's and the Excel
/// total row can be a SUM formula; percentages are derived, never stored.
/// </summary>
public sealed record IndicatorSet
{
    public int Teams { get; init; }

    /// <summary>Teams meeting R1 on the date (composition).</summary>
    public int TeamsConstituted { get; init; }

    /// <summary>Teams meeting R5 on the date (regulation, tasks for every member, plan for the year).</summary>
    public int TeamsGoverned { get; init; }

    public int Members { get; init; }

    /// <summary>Members by affiliation, indexed by <see cref="Affiliation"/> − 1 (7 values).</summary>
    public int[] MembersByAffiliation { get; init; } = new int[7];

    public int Households { get; init; }

    public int HouseholdsCovered { get; init; }

    public int HouseholdsCoveredByAssistance { get; init; }

    /// <summary>Households guided in each skill, in <see cref="DigitalSkillLabels.Each"/> order (5 values).</summary>
    public int[] HouseholdsBySkill { get; init; } = new int[5];

    public int HouseholdsWithVneid { get; init; }

    public int HouseholdsWithPublicServiceAccount { get; init; }

    public int VisitsInQuarter { get; init; }

    public int Trainings { get; init; }

    public int TrainingAttendees { get; init; }

    public int OutreachActivities { get; init; }

    /// <summary>
    /// Models and good practices of the unit's subtree in the library by the cut-off (published or featured, §1.6, §2.1đ).
    /// Reports frozen before this figure existed read 0.
    /// </summary>
    public int PracticeModels { get; init; }

    /// <summary>The same models per skill they serve, in <see cref="DigitalSkillLabels.Each"/> order (a model of two skills counts under both).</summary>
    public int[] PracticeModelsBySkill { get; init; } = new int[5];

    public static IndicatorSet Zero { get; } = new();

    public IndicatorSet Add(IndicatorSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new IndicatorSet
        {
            Teams = Teams + other.Teams,
            TeamsConstituted = TeamsConstituted + other.TeamsConstituted,
            TeamsGoverned = TeamsGoverned + other.TeamsGoverned,
            Members = Members + other.Members,
            MembersByAffiliation = MembersByAffiliation.Zip(other.MembersByAffiliation, (a, b) => a + b).ToArray(),
            Households = Households + other.Households,
            HouseholdsCovered = HouseholdsCovered + other.HouseholdsCovered,
            HouseholdsCoveredByAssistance = HouseholdsCoveredByAssistance + other.HouseholdsCoveredByAssistance,
            HouseholdsBySkill = HouseholdsBySkill.Zip(other.HouseholdsBySkill, (a, b) => a + b).ToArray(),
            HouseholdsWithVneid = HouseholdsWithVneid + other.HouseholdsWithVneid,
            HouseholdsWithPublicServiceAccount = HouseholdsWithPublicServiceAccount + other.HouseholdsWithPublicServiceAccount,
            VisitsInQuarter = VisitsInQuarter + other.VisitsInQuarter,
            Trainings = Trainings + other.Trainings,
            TrainingAttendees = TrainingAttendees + other.TrainingAttendees,
            OutreachActivities = OutreachActivities + other.OutreachActivities,
            PracticeModels = PracticeModels + other.PracticeModels,
            PracticeModelsBySkill = PracticeModelsBySkill.Zip(other.PracticeModelsBySkill, (a, b) => a + b).ToArray(),
        };
    }

    /// <summary>The figure a target of <paramref name="indicator"/> is measured against, in percent (null when there is nothing to divide by).</summary>
    public decimal? Percent(TargetIndicator indicator) => indicator switch
    {
        TargetIndicator.HouseholdsCovered => Ratio(HouseholdsCovered, Households),
        TargetIndicator.HouseholdsWithVneid => Ratio(HouseholdsWithVneid, Households),
        TargetIndicator.HouseholdsWithPublicServiceAccount => Ratio(HouseholdsWithPublicServiceAccount, Households),
        TargetIndicator.TeamsConstituted => Ratio(TeamsConstituted, Teams),
        _ => null,
    };

    private static decimal? Ratio(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}
