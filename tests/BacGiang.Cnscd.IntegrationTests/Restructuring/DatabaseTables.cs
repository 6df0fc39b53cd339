using System.Data.Common;
using System.Globalization;
using System.Text;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Restructuring;

/// <summary>
/// Every table of the model as its sorted rows (all columns as text), to prove that an undo gives back the database
/// exactly — except the two that record the apply and the undo themselves: the append-only audit log and the
/// restructuring journal.
/// </summary>
internal static class DatabaseTables
{
    public static async Task<Dictionary<string, List<string>>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateSystemContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => t is not ("AuditLog" or "RestructuringJournals")).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader));
            }

            rows.Sort(StringComparer.Ordinal);
            result[table] = rows;
        }

        return result;
    }

    public static void AssertSame(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            var now = actual[table];
            var missing = rows.Except(now).Take(2).ToList();
            var extra = now.Except(rows).Take(2).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0 && rows.Count == now.Count,
                $"{table}: {rows.Count} rows before, {now.Count} after; missing {string.Join(" / ", missing)}; new {string.Join(" / ", extra)}");
        }
    }

    private static string Row(DbDataReader reader)
    {
        var text = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            text.Append(reader.GetName(i)).Append('=').Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
        }

        return text.ToString();
    }
}
