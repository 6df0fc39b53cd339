using System.Text.RegularExpressions;

namespace BacGiang.Cnscd.Core.Tests.Tenancy;

/// <summary>
/// The banned-API analyzer (src/BannedSymbols.txt) fails the build on every scope-filter bypass, raw SQL and system
/// clock in the product code. The only way past it is a <c>#pragma warning disable RS0030</c> with its reason; this
/// test keeps those sites to the short list below, so a new crossing is a reviewed change of this file, not a pragma
/// slipped into a service. docs/security.md ("Crossings") explains each one.
/// </summary>
public sealed partial class CrossingAllowListTests
{
    private static readonly Dictionary<string, int> Allowed = new(StringComparer.Ordinal)
    {
        // The one refusal path: locates a forbidden target's unit to file the refusal there.
        ["BacGiang.Cnscd.Core/Features/Common/Refusals/AccessRefusals.cs"] = 1,
        // The unit tree (public reference data) read across scopes: sign-in scope, write guard, imports, report headers.
        ["BacGiang.Cnscd.Core/Data/UnitTree.cs"] = 1,
        // Derived summaries move with whoever changed a household.
        ["BacGiang.Cnscd.Core/Features/Dashboards/SummaryMaintenance.cs"] = 1,
        // A commune's deadline is set on its district's report.
        ["BacGiang.Cnscd.Core/Features/Reports/ReportQueryService.cs"] = 1,
        // Index DDL generated from the model, around the reform's set-based move of the big tables (PostgreSQL).
        ["BacGiang.Cnscd.Core/Features/Restructuring/SuspendedIndexes.cs"] = 1,
        // The library of published practice models, shared with every account (issue 16).
        ["BacGiang.Cnscd.Core/Features/Recognition/PracticeLibraryService.cs"] = 1,
        // The year's round of DX Day nominations (its deadline), read by every nominating unit (issue 16).
        ["BacGiang.Cnscd.Core/Features/Recognition/AwardRounds.cs"] = 1,
        // A successor unit's merge tool reads its predecessors' closed teams' last rosters (issue 12).
        ["BacGiang.Cnscd.Core/Features/Teams/PredecessorRosters.cs"] = 1,
        // The seeds, as a system actor (asserted).
        ["BacGiang.Cnscd.Core/Seeding/ProvinceSeeder.cs"] = 3,
    };

    [Fact]
    public void BannedApiSuppressions_AreOnlyTheListedCrossings_EachWithItsReason()
    {
        var src = Path.Combine(SolutionRoot(), "src");
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            foreach (var line in File.ReadLines(file))
            {
                if (line.Contains("RS0030", StringComparison.Ordinal) && (line.Contains("SuppressMessage", StringComparison.Ordinal)
                        || line.Contains("dotnet_diagnostic", StringComparison.Ordinal)))
                {
                    Assert.Fail($"{relative}: RS0030 may only be silenced by a #pragma with its reason, never an attribute.");
                }

                var disable = PragmaDisable().Match(line);
                if (!disable.Success)
                {
                    continue;
                }

                Assert.True(disable.Groups["reason"].Value.Trim().Length >= 20, $"{relative}: a banned-API pragma must say why (\"// …\").");
                found[relative] = found.GetValueOrDefault(relative) + 1;
            }
        }

        Assert.Equal(Allowed.OrderBy(a => a.Key), found.OrderBy(f => f.Key));
    }

    [Fact]
    public void BannedSymbols_ListTheBypassesTheClockAndRawSql()
    {
        var banned = File.ReadAllText(Path.Combine(SolutionRoot(), "src", "BannedSymbols.txt"));
        foreach (var symbol in new[] { "IgnoreQueryFilters", "ExecuteSqlRaw(", "ExecuteSqlRawAsync(", "FromSqlRaw", "P:System.DateTime.Now;",
                     "P:System.DateTime.UtcNow;", "P:System.DateTime.Today;", "P:System.DateTimeOffset.UtcNow;" })
        {
            Assert.Contains(symbol, banned, StringComparison.Ordinal);
        }

        // Every product project gets the analyzer and the list (Directory.Build.props).
        var props = File.ReadAllText(Path.Combine(SolutionRoot(), "Directory.Build.props"));
        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", props, StringComparison.Ordinal);
        Assert.Contains("src/BannedSymbols.txt", props, StringComparison.Ordinal);
    }

    private static string SolutionRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BacGiang.Cnscd.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BacGiang.Cnscd.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"#pragma\s+warning\s+disable\s+RS0030\b(?:\s*//(?<reason>.*))?")]
    private static partial Regex PragmaDisable();
}
