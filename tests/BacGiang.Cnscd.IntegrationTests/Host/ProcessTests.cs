using System.Diagnostics;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Host;

/// <summary>
/// The executable as an operator runs it: bad settings at start-up and the command-line verbs.
/// These start the real process (the built Web dll) and read its exit code and output.
/// </summary>
public sealed class ProcessTests : IDisposable
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), "cnscd-cli-" + Guid.NewGuid().ToString("N") + ".db");

    private string SqliteArg => $"--ConnectionStrings:Cnscd=Data Source={_dbPath};Pooling=false";

    private static Task<(int ExitCode, string Output)> RunAsync(string? stdin, params string[] args) => RunInAsync("Production", stdin, args);

    private static async Task<(int ExitCode, string Output)> RunInAsync(string environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BacGiang.Cnscd.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), "cnscd-test-logs");
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task UnknownProvider_ExitsNonZero_NamingTheSetting()
    {
        var (exit, output) = await RunAsync(null, "--Database:Provider=Oracle", SqliteArg);
        Assert.NotEqual(0, exit);
        Assert.Contains("Database:Provider", output, StringComparison.Ordinal);
        Assert.Contains("Oracle", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsNonZero_NamingTheConnectionSetting()
    {
        var (exit, output) = await RunAsync(null, "--Database:Provider=PostgreSql",
            "--ConnectionStrings:Cnscd=Host=127.0.0.1;Port=1;Username=nobody;Timeout=3", "--urls=http://127.0.0.1:0");
        Assert.NotEqual(0, exit);
        Assert.Contains("ConnectionStrings:Cnscd", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_ListsEveryVerb_OneLineEach(string help)
    {
        var (exit, output) = await RunAsync(null, help);
        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.All(CommandLine.VerbNames, verb => Assert.Single(lines, l => l.StartsWith("  " + verb + " ", StringComparison.Ordinal)));

        var (seedExit, seedHelp) = await RunAsync(null, "seed", "--help");
        Assert.Equal(0, seedExit);
        Assert.Contains("seed --households N [--seed S]", seedHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownVerb_ExitsWithCode2_ListingTheVerbs_WithoutStartingTheServer()
    {
        // A free port: had the unknown word started the portal, it would listen here and never exit on its own.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var (exit, output) = await RunAsync(null, "seed-dmeo", $"--urls=http://127.0.0.1:{port}", SqliteArg);

        Assert.Equal(2, exit);
        Assert.Contains("không có lệnh “seed-dmeo”", output, StringComparison.Ordinal);
        Assert.All(CommandLine.VerbNames, verb => Assert.Contains("  " + verb + " ", output, StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dbPath), "the unknown verb opened the database");
    }

    [Fact]
    public async Task MigrateSeedUnitsAndCreateAdmin_PrepareAProductionDatabase()
    {
        Assert.Equal(0, (await RunAsync(null, "migrate", SqliteArg)).ExitCode);
        var (seedExit, seedOutput) = await RunAsync(null, "seed-units", SqliteArg);
        Assert.True(seedExit == 0, seedOutput);
        Assert.Contains("206", seedOutput, StringComparison.Ordinal);

        // The password comes from standard input, never from an argument.
        var (adminExit, adminOutput) = await RunAsync("Mat-khau-that-dai-2026", "create-admin", "--email", "quantri@sokhcn.bacgiang.gov.vn", SqliteArg);
        Assert.True(adminExit == 0, adminOutput);
        Assert.DoesNotContain("Mat-khau-that-dai-2026", adminOutput, StringComparison.Ordinal);

        await using var db = CnscdDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_dbPath};Pooling=false", false), Actor.System("test"));
        var admin = await db.Users.SingleAsync();
        Assert.Equal(AppRole.ProvinceAdmin, admin.Role);
        Assert.Equal("quantri@sokhcn.bacgiang.gov.vn", admin.Email);
    }

    [Fact]
    public async Task CreateAdmin_WithAShortPassword_IsRefused()
    {
        await RunAsync(null, "seed-units", SqliteArg);
        var (exit, output) = await RunAsync("ngan", "create-admin", "--email", "a@b.vn", SqliteArg);
        Assert.NotEqual(0, exit);
        Assert.Contains("12", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 21: the first seed of the demo says what it is doing, in Vietnamese, with counts (units, households, visits, the
    /// village summaries, the accounts, the reform), and then prints the logins in the order the README lists them.
    /// </summary>
    [Fact]
    public async Task TheDemoSeed_PrintsItsProgressInVietnamese_ThenTheLoginsInTheReadmesOrder()
    {
        var (exit, output) = await RunInAsync("Development", null, "seed-demo", SqliteArg);
        Assert.True(exit == 0, output);

        foreach (var line in new[]
        {
            "Demo: Đơn vị hành chính: 195 xã", "Demo: Tổ CNSCĐ: ", "Demo: Thành viên trong tổ: ", "Demo: Hộ gia đình: 12,000", "Demo: Lượt thăm hộ: ",
            "Demo: Tổng hợp theo thôn: ", "Demo: đã ghi dữ liệu tỉnh demo trong", "Demo: đã tạo tài khoản demo trong", "sắp xếp đơn vị từ 01/07/2025 đã áp dụng",
            "Đã gieo tỉnh demo trong",
        })
        {
            Assert.Contains(line, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("seeded in", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Seed: ", output, StringComparison.Ordinal);

        // The logins, in the order printed, are the README's table (whose disabled district officer is told apart below it).
        var printed = output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\S+\s+(\S+@demo\.cnscd\.vn) / ")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).ToList();
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\|[^|]+\| `(\S+@demo\.cnscd\.vn)` \| `")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(5, printed.Count);
        Assert.Equal(readme, printed);
        Assert.Contains("huyen@demo.cnscd.vn — đã khóa", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BacGiang.Cnscd.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository's root was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task SeedDemo_IsRefusedInProduction_AndSeedWithoutCount_Explains()
    {
        var (demoExit, demoOutput) = await RunAsync(null, "seed-demo", SqliteArg);
        Assert.NotEqual(0, demoExit);
        Assert.Contains("Production", demoOutput, StringComparison.Ordinal);

        var (seedExit, seedOutput) = await RunAsync(null, "seed", SqliteArg);
        Assert.NotEqual(0, seedExit);
        Assert.Contains("--households", seedOutput, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
