namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A calendar quarter (Q1 = January–March) and its deadlines under rule R4 (§2.9e).</summary>
public readonly record struct ReportingPeriod
{
    public ReportingPeriod(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }

    public int Quarter { get; }

    public DateOnly Start => new(Year, (Quarter * 3) - 2, 1);

    /// <summary>The quarter's last day: figures are computed as of this date.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    private int LastMonth => Quarter * 3;

    /// <summary>Districts report to the Department by the 20th of the quarter's last month (20/3, 20/6, 20/9, 20/12).</summary>
    public DateOnly DistrictDueDate => new(Year, LastMonth, 20);

    /// <summary>Communes report to their district by the date the district sets; the 15th unless it sets one.</summary>
    public DateOnly DefaultCommuneDueDate => new(Year, LastMonth, 15);

    /// <summary>The due date of a unit at <paramref name="level"/> when its parent has set none.</summary>
    public DateOnly DefaultDueDate(UnitLevel level) => level == UnitLevel.Commune ? DefaultCommuneDueDate : DistrictDueDate;

    public static ReportingPeriod Containing(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public ReportingPeriod Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    public override string ToString() => $"Quý {ToRoman()} năm {Year}";

    public string ToRoman() => Quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
