using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Web.Demo;
using BacGiang.Cnscd.Web.Hosting;
using BacGiang.Cnscd.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Web.Commands;

/// <summary>
/// The executable's verbs. Each builds the same services as the portal (same settings, same
/// providers) but runs one task and exits; <c>VERB --help</c> explains each.
/// </summary>
public static class CommandLine
{
    private sealed record Verb(string Name, string Usage, string Summary, string Help, Func<IServiceProvider, Arguments, TextWriter, Task<int>> Run);

    private static readonly Verb[] Verbs =
    [
        new("migrate", "migrate", "Áp dụng các migration còn thiếu.", "Áp dụng các migration còn thiếu vào cơ sở dữ liệu đã cấu hình (Database:Provider, ConnectionStrings:Cnscd).", MigrateAsync),
        new("seed-units", "seed-units", "Gieo danh mục đơn vị hành chính chính thức (môi trường thật).", "Gieo danh mục đơn vị hành chính chính thức (tỉnh, huyện, xã) vào cơ sở dữ liệu trống. Dùng cho môi trường thật.", SeedUnitsAsync),
        new("seed-demo", "seed-demo [--Demo:Tree=2023]", "Gieo tỉnh demo và các tài khoản demo (không dùng ở Production).", "Gieo dữ liệu demo (toàn bộ đơn vị, tổ, thành viên, hộ của một số xã) và các tài khoản demo vào cơ sở dữ liệu trống: mặc định cây sau sắp xếp 01/07/2025 (quý I, II/2025 báo cáo qua huyện), --Demo:Tree=2023 giữ cấp huyện. Không dùng ở Production.", SeedDemoAsync),
        new("seed", "seed --households N [--seed S]", "Gieo cả tỉnh với N hộ gia đình để đo hiệu năng.", "Gieo cả tỉnh với N hộ gia đình (≈ 4,6 lượt thăm mỗi hộ) qua đường ghi hàng loạt; in số dòng/giây từng bảng. Cơ sở dữ liệu phải trống.", SeedScaleAsync),
        new("verify-summaries", "verify-summaries [--repair]", "Đối chiếu số liệu tổng hợp theo thôn với bảng hộ gia đình.", "Đếm lại số liệu tổng hợp theo thôn từ bảng hộ gia đình, in từng chênh lệch (phải bằng 0); --repair ghi lại các thôn chênh lệch (có ghi nhật ký). Mã thoát 1 khi còn chênh lệch chưa sửa.", VerifySummariesAsync),
        new("restructure", "restructure --plan FILE --effective yyyy-MM-dd [--apply] | restructure --undo N",
            "Xem trước, áp dụng hoặc hoàn tác một kế hoạch sắp xếp đơn vị hành chính.",
            "Sắp xếp đơn vị hành chính theo một kế hoạch (tệp CSV theo cột của bảng sáp nhập xã 2025: old_commune_code,…,new_commune_name). Không có --apply: chỉ xem trước đơn vị đóng và mở, thôn, hộ, lượt thăm, thành viên, tài khoản, chỉ tiêu và báo cáo sẽ chuyển, không thay đổi dữ liệu. --apply: áp dụng trong một giao dịch và in số nhật ký; --undo N: hoàn tác nhật ký N (khi các xã mới chưa có dữ liệu mới). Mã thoát 1 khi bị từ chối (in từng lỗi theo dòng).",
            RestructureAsync),
        new("create-admin", "create-admin --email E [--name \"Họ tên\"]", "Tạo tài khoản quản trị cấp tỉnh.", "Tạo tài khoản quản trị cấp tỉnh. Mật khẩu đọc từ đầu vào chuẩn (hoặc hỏi khi chạy tương tác), không bao giờ từ tham số.", CreateAdminAsync),
    ];

    /// <summary>The verbs' names, in the order <c>help</c> lists them.</summary>
    public static IReadOnlyList<string> VerbNames => [.. Verbs.Select(v => v.Name)];

    /// <summary>
    /// Whether the arguments name a command rather than start the portal: a verb, a request for help, or a first word
    /// that is neither — an unknown verb must be refused, not start a second server that then fails on its port. The
    /// host's own settings (<c>--urls=…</c>, <c>--Database:Provider PostgreSql</c>, <c>Key=Value</c>) are never words.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?" || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextReader? input = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args[0] is "help" or "--help" or "-h" or "-?")
        {
            PrintUsage(output);
            return 0;
        }

        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            await error.WriteLineAsync($"Lỗi: không có lệnh “{args[0]}”. Cổng web không được khởi động.\n");
            PrintUsage(error);
            return 2;
        }

        var arguments = new Arguments(args.Skip(1).ToArray(), input ?? Console.In);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            await output.WriteLineAsync($"Cách dùng: BacGiang.Cnscd.Web {verb.Usage}\n\n{verb.Help}");
            return 0;
        }

        try
        {
            var builder = WebApplication.CreateBuilder(arguments.HostArgs);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            PortalHost.AddServices(builder);
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemActor("command " + verb.Name);
            return await verb.Run(scope.ServiceProvider, arguments, output);
        }
        catch (Exception ex) when (ex is DatabaseConfigurationException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            await error.WriteLineAsync("Lỗi: " + ex.Message);
            return 2;
        }
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("Cổng quản lý Tổ công nghệ số cộng đồng. Không có lệnh: chạy cổng web.\n\nCác lệnh (LỆNH --help: các tùy chọn của lệnh):");
        foreach (var verb in Verbs)
        {
            output.WriteLine($"  {verb.Name,-18} {verb.Summary}");
        }

        output.WriteLine($"  {"help",-18} Danh sách này (cũng: --help).");
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        var db = services.GetRequiredService<CnscdDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await output.WriteLineAsync($"Đã áp dụng {pending.Count} migration ({services.GetRequiredService<DatabaseSettings>().Provider}).");
        return 0;
    }

    private static async Task<int> SeedUnitsAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        var db = services.GetRequiredService<CnscdDbContext>();
        await db.Database.MigrateAsync();
        var count = await new ProvinceSeeder(db).SeedHierarchyAsync(CancellationToken.None);
        await output.WriteLineAsync($"Đã gieo {count} đơn vị hành chính.");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            throw new InvalidOperationException("Không gieo dữ liệu demo trong môi trường Production.");
        }

        var db = services.GetRequiredService<CnscdDbContext>();
        await db.Database.MigrateAsync();
        var demo = services.GetRequiredService<DemoSeeder>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (!await demo.SeedIfEmptyAsync(CancellationToken.None))
        {
            throw new InvalidOperationException("Cơ sở dữ liệu đã có dữ liệu; lệnh seed-demo chỉ chạy trên cơ sở dữ liệu trống.");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Đã gieo tỉnh demo trong {watch.Elapsed.TotalSeconds:F1} s. Tài khoản demo:"));

        foreach (var login in await demo.LoginsAsync(CancellationToken.None))
        {
            await output.WriteLineAsync(DemoSeeder.Describe(login));
        }

        await output.WriteLineAsync($"ProvinceAdmin đăng nhập hai lớp với khóa xác thực {DemoAccounts.AdminAuthenticatorKey} (oathtool --totp -b KEY).");

        return 0;
    }

    private static async Task<int> SeedScaleAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        var households = args.Number("--households") ?? throw new ArgumentException("Thiếu --households N.");
        if (households <= 0)
        {
            throw new ArgumentException("--households phải là số dương.");
        }

        var db = services.GetRequiredService<CnscdDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();
        var options = SeedOptions.Scale(households, args.Number("--seed") ?? 2025, services.GetRequiredService<VietnamClock>().Today);
        var report = await new ProvinceSeeder(db).SeedAsync(options, new SynchronousProgress(output), CancellationToken.None);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Tổng: {report.BulkRows:N0} dòng ghi hàng loạt trong {report.BulkElapsed.TotalSeconds:F1} s = {report.BulkRowsPerSecond:N0} dòng/s; toàn bộ {report.Total.TotalSeconds:F1} s."));
        return 0;
    }

    private static async Task<int> VerifySummariesAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        var db = services.GetRequiredService<CnscdDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var repair = args.Has("--repair");
        var result = await SummaryMaintenance.VerifyAsync(db, repair, db.Clock.UtcNow, CancellationToken.None);
        await output.WriteLineAsync(SummaryReport.Format(result, repair));
        return result.IsClean || repair ? 0 : 1;
    }

    private static async Task<int> RestructureAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        if (args.Value("--undo") is { } undoText)
        {
            if (!int.TryParse(undoText, NumberStyles.None, CultureInfo.InvariantCulture, out var journalId))
            {
                throw new ArgumentException($"--undo cần số nhật ký, không phải “{undoText}”.");
            }

            var undone = await services.GetRequiredService<RestructuringService>().UndoAsync(journalId);
            await output.WriteLineAsync(undone.Succeeded
                ? $"Đã hoàn tác kế hoạch số {journalId}: cây đơn vị và dữ liệu trở lại như trước khi áp dụng."
                : $"Không hoàn tác được: {undone.Error}");
            return undone.Succeeded ? 0 : 1;
        }

        var path = args.Value("--plan") ?? throw new ArgumentException("Thiếu --plan FILE.");
        var effectiveText = args.Value("--effective") ?? throw new ArgumentException("Thiếu --effective yyyy-MM-dd.");
        if (!DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            throw new ArgumentException($"--effective phải có dạng yyyy-MM-dd, không phải “{effectiveText}”.");
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"Không tìm thấy tệp kế hoạch {path}.");
        }

        await using var file = File.OpenRead(path);
        var service = services.GetRequiredService<RestructuringService>();
        if (!args.Has("--apply"))
        {
            var preview = await service.PreviewAsync(file, effective);
            await output.WriteLineAsync(RestructuringReport.Format(preview));
            return preview.Succeeded ? 0 : 1;
        }

        var applied = await service.ApplyAsync(file, effective, new Progress<RestructuringStep>(step => Console.Error.WriteLine("… " + RestructuringReport.StepLabel(step))));
        await output.WriteLineAsync(RestructuringReport.FormatApplied(applied));
        return applied.Succeeded ? 0 : 1;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, Arguments args, TextWriter output)
    {
        var email = args.Value("--email") ?? throw new ArgumentException("Thiếu --email E.");
        var password = args.ReadSecret("Mật khẩu: ");
        var db = services.GetRequiredService<CnscdDbContext>();
        var province = await UnitTree.Everywhere(db).Where(u => u.Level == UnitLevel.Province && u.ValidTo == null)
            .OrderBy(u => u.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("Chưa có đơn vị cấp tỉnh; chạy seed-units trước.");
        var userManager = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = args.Value("--name") ?? email,
            Role = AppRole.ProvinceAdmin, UnitId = province.Id, CreatedAtUtc = db.Clock.UtcNow,
        };
        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Không tạo được tài khoản: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            return 2;
        }

        await output.WriteLineAsync($"Đã tạo tài khoản quản trị {email} cho {province.Name}.");
        return 0;
    }

    /// <summary>Reports progress lines immediately, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
