using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>What a seed run generates. The same seed number always generates the same province.</summary>
public sealed record SeedOptions
{
    /// <summary>Seed number of the generator.</summary>
    public int Seed { get; init; } = 2025;

    /// <summary>Households in all, spread over the villages of the communes that get households.</summary>
    public int Households { get; init; } = 12_000;

    /// <summary>How many communes of each district get households; null = every commune.</summary>
    public int? CommunesWithHouseholdsPerDistrict { get; init; } = 2;

    /// <summary>Average visits per household (the province has ≈ 2.5 million for 540,000 households).</summary>
    public double VisitsPerHousehold { get; init; } = 4.6;

    /// <summary>
    /// Quarters before today's that get a snapshot of each village's figures as they stood at the quarter's end, so the
    /// dashboard's trend (six quarters, today's included) has a past.
    /// </summary>
    public int HistoryQuarters { get; init; } = 5;

    /// <summary>The quarters before today's that get snapshots, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> HistoryPeriods()
    {
        var periods = new List<ReportingPeriod>();
        var period = ReportingPeriod.Containing(Today);
        for (var i = 0; i < HistoryQuarters; i++)
        {
            period = period.Previous;
            periods.Insert(0, period);
        }

        return periods;
    }

    /// <summary>"Today" for generated dates; visits and activities fall in the two years before it.</summary>
    public required DateOnly Today { get; init; }

    public static SeedOptions Demo(DateOnly today) => new() { Today = today };

    public static SeedOptions Scale(int households, int seed, DateOnly today) => new()
    {
        Households = households,
        Seed = seed,
        CommunesWithHouseholdsPerDistrict = null,
        Today = today,
    };
}
