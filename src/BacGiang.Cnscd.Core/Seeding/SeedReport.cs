namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>What a seed run wrote, table by table, and how long it took.</summary>
public sealed class SeedReport
{
    public List<(string Table, long Rows, TimeSpan Elapsed)> Tables { get; } = [];

    public TimeSpan Total { get; set; }

    public long BulkRows => Tables.Where(t => t.Table != "AdministrativeUnits").Sum(t => t.Rows);

    public TimeSpan BulkElapsed => Tables.Where(t => t.Table != "AdministrativeUnits").Aggregate(TimeSpan.Zero, (a, t) => a + t.Elapsed);

    public double BulkRowsPerSecond => BulkElapsed.TotalSeconds > 0 ? BulkRows / BulkElapsed.TotalSeconds : 0;

    public long RowsOf(string table) => Tables.Where(t => t.Table == table).Sum(t => t.Rows);
}
