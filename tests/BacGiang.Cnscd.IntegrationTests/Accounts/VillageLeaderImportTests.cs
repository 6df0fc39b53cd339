using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Accounts;

/// <summary>
/// The village-leader import from real .xlsx files written with ClosedXML: the template, the happy path, every
/// kind of row error (each leaves the database as it was) and who may import at all.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync, which xunit calls.")]
public abstract class VillageLeaderImportTests(DatabaseProvider provider) : EngineTestBase(provider), IAsyncLifetime
{
    private const string GoodPassword = "Mat-khau-du-dai-2025";

    /// <summary>An e-mail the rollback test's validator rejects only when the account is finally created.</summary>
    private const string FailsAtCreation = "hong-luc-luu@test.vn";

    private static readonly string[] Header = ["Mã thôn", "Tên thôn", "Họ và tên", "Thư điện tử", "Mật khẩu ban đầu"];

    private AccountTestHost _host = null!;
    private AppUser _d1Officer = null!;
    private AppUser _c1Officer = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _host = new AccountTestHost(Database, services => services.AddScoped<IUserValidator<AppUser>, FailingValidator>());
        _d1Officer = await _host.AddAccountAsync("d1@test.vn", "Cán Bộ Lục Nam", AppRole.DistrictOfficer, Mini.D1);
        _c1Officer = await _host.AddAccountAsync("c1@test.vn", "Cán Bộ Đồi Ngô", AppRole.CommuneOfficer, Mini.C1);
        await _host.AddAccountAsync("v12@test.vn", "Nguyễn Văn Đức", AppRole.VillageLeader, Mini.V12);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _host.DisposeAsync();
        await DisposeAsync();
    }

    private VillageLeaderImport AsC1 => _host.ImportFor(MiniProvince.ActorFor(Mini.C1, _c1Officer.Id));

    private VillageLeaderImport AsD1 => _host.ImportFor(MiniProvince.ActorFor(Mini.D1, _d1Officer.Id));

    [Fact]
    public async Task Template_HasTheHeaders_AndOnlyTheOfficersVillages()
    {
        var template = await AsC1.CreateTemplateAsync();

        using var workbook = new XLWorkbook(new MemoryStream(template));
        var sheet = workbook.Worksheet("Tài khoản trưởng thôn");
        Assert.Equal(Header, Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 4).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal([("07444-01", "Tổ dân phố số 1"), ("07444-02", "Tổ dân phố số 2")], Rows(sheet));
        Assert.All(Enumerable.Range(2, 2), r => Assert.True(sheet.Cell(r, 3).IsEmpty() && sheet.Cell(r, 5).IsEmpty()));

        var villages = workbook.Worksheet("Danh sách thôn");
        Assert.Equal(["Mã thôn", "Tên thôn"], Enumerable.Range(1, 2).Select(c => villages.Cell(1, c).GetString()));
        Assert.Equal([("07444-01", "Tổ dân phố số 1"), ("07444-02", "Tổ dân phố số 2")], Rows(villages));

        static List<(string, string)> Rows(IXLWorksheet sheet) =>
            sheet.RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())).ToList();
    }

    [Fact]
    public async Task Template_FilledIn_ImportsBack()
    {
        using var workbook = new XLWorkbook(new MemoryStream(await AsC1.CreateTemplateAsync()));
        var sheet = workbook.Worksheet("Tài khoản trưởng thôn");
        sheet.Cell(2, 3).SetValue("Hoàng Văn Bình");
        sheet.Cell(2, 4).SetValue("binh@test.vn");
        sheet.Cell(2, 5).SetValue(GoodPassword);
        // Row 3 (07444-02) is left as pre-filled: a village without a new leader is skipped, not an error.

        var result = await AsC1.ImportAsync(Save(workbook));

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(1, result.Created);
        Assert.Equal(Mini.V11.Id, (await FindAsync("binh@test.vn"))!.UnitId);
    }

    [Fact]
    public async Task ValidFile_CreatesEveryAccount_AsVillageLeadersOfTheNamedVillages()
    {
        var file = Sheet(Header,
            Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"),
            Row("", "", "", ""),
            Row(" 07444-02 ", "Phạm Thị Lan", "Lan@Test.vn", "Mat-khau-thu-hai-2025"),
            Row("07444-02", "Vũ Văn Hải", "hai@test.vn"));
        var progress = new RecordingProgress();

        var result = await AsC1.ImportAsync(new MemoryStream(file), progress);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(3, result.Created);
        Assert.Equal(100, progress.Values[^1]);
        Assert.Equal(progress.Values.Order(), progress.Values);

        var binh = await FindAsync("binh@test.vn");
        var lan = await FindAsync("lan@test.vn");
        var hai = await FindAsync("hai@test.vn");
        Assert.Equal([Mini.V11.Id, Mini.V12.Id, Mini.V12.Id], new[] { binh, lan, hai }.Select(u => u!.UnitId));
        Assert.All(new[] { binh, lan, hai }, u =>
        {
            Assert.Equal(AppRole.VillageLeader, u!.Role);
            Assert.True(u.IsActive);
        });
        Assert.Equal("Phạm Thị Lan", lan!.FullName);
        var hasher = new PasswordHasher<AppUser>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(lan, lan.PasswordHash!, "Mat-khau-thu-hai-2025"));

        await using var db = Database.CreateSystemContext();
        var audits = await db.AuditEntries.Where(a => a.EntityType == nameof(AppUser) && a.Action == AuditActions.Create).ToListAsync();
        Assert.Equal(3, audits.Count(a => a.UserId == _c1Officer.Id));
        Assert.DoesNotContain(audits, a => a.Changes != null
            && (a.Changes.Contains(GoodPassword, StringComparison.Ordinal) || a.Changes.Contains("Mat-khau-thu-hai", StringComparison.Ordinal)));
        Assert.Empty(await RefusalsAsync());
    }

    [Fact]
    public async Task MissingColumn_IsReportedOnTheHeaderRow()
    {
        string[] header = ["Mã thôn", "Tên thôn", "Họ và tên", "Mật khẩu ban đầu"];
        var file = Sheet(header, ["07444-01", "", "Hoàng Văn Bình", GoodPassword]);

        await AssertRejectedAsync(file, new ImportRowError(1, "Thiếu cột 'Thư điện tử'."));
    }

    [Fact]
    public async Task HeadersTypedWithoutDiacritics_AreStillRecognised()
    {
        string[] header = ["ma thon", "HO VA TEN", "Thu dien tu", "mat khau ban dau"];
        var file = Sheet(header, ["07444-01", "Hoàng Văn Bình", "binh@test.vn", GoodPassword]);

        var result = await AsC1.ImportAsync(new MemoryStream(file));

        Assert.True(result.Succeeded, Describe(result));
        Assert.NotNull(await FindAsync("binh@test.vn"));
    }

    [Fact]
    public async Task DuplicateEmailInTheFile_IsReportedOnTheLaterRow()
    {
        var file = Sheet(Header,
            Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"),
            Row("07444-02", "Phạm Thị Lan", "lan@test.vn"),
            Row("07444-02", "Hoàng Văn Bình", "BINH@test.vn"));

        await AssertRejectedAsync(file, new ImportRowError(4, "Thư điện tử trùng với dòng 2."));
    }

    [Fact]
    public async Task EmailOfAnExistingAccount_IsReported()
    {
        var file = Sheet(Header,
            Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"),
            Row("07444-02", "Nguyễn Văn Đức", "V12@Test.vn"));

        await AssertRejectedAsync(file, new ImportRowError(3, "Thư điện tử này đã được dùng cho một tài khoản khác."));
    }

    [Fact]
    public async Task UnknownVillageCode_IsReported()
    {
        var file = Sheet(Header,
            Row("07444-99", "Hoàng Văn Bình", "binh@test.vn"),
            Row("07444-02", "Phạm Thị Lan", "lan@test.vn"),
            // A commune's own code is not a village's.
            Row("07444", "Vũ Văn Hải", "hai@test.vn"));

        await AssertRejectedAsync(file,
            new ImportRowError(2, "Không có thôn nào mã 07444-99."),
            new ImportRowError(4, "Không có thôn nào mã 07444."));
    }

    [Fact]
    public async Task VillagesOfOtherCommunes_AreReported_AndTheAttemptAuditedAsRefusedOnce()
    {
        var file = Sheet(Header,
            Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"),
            Row("07282-01", "Người Huyện Khác", "khac@test.vn"),
            // Same district, sibling commune: still not the officer's.
            Row("07450-01", "Người Xã Bên", "ben@test.vn"));

        await AssertRejectedAsync(file,
            new ImportRowError(3, "Thôn 07282-01 không thuộc xã của bạn."),
            new ImportRowError(4, "Thôn 07450-01 không thuộc xã của bạn."));

        var refusal = Assert.Single(await RefusalsAsync());
        Assert.Equal(_c1Officer.Id, refusal.UserId);
        Assert.Equal(Mini.V21.Id, refusal.UnitId);
        Assert.Contains("07282-01, 07450-01", refusal.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodPassword, refusal.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakPasswords_GetAccountServicesVietnameseMessages()
    {
        var file = Sheet(Header,
            Row("07444-01", "Hoàng Văn Bình", "binh@test.vn", "Ng@n1"),
            Row("07444-02", "Phạm Thị Lan", "lan@test.vn"),
            Row("07444-02", "Vũ Văn Hải", "hai@test.vn", ""));

        await AssertRejectedAsync(file,
            new ImportRowError(2, "Mật khẩu quá ngắn: cần ít nhất 12 ký tự."),
            new ImportRowError(4, "Hãy nhập mật khẩu ban đầu."));
    }

    [Fact]
    public async Task EmptyNameAndMalformedEmail_AreReported_AllRowsAtOnce()
    {
        var file = Sheet(Header,
            Row("07444-01", "", "binh@test.vn"),
            Row("07444-02", "Phạm Thị Lan", "lan-khong-co-a-cong"),
            Row("07444-02", "Vũ Văn Hải", "hai@test.vn"));

        await AssertRejectedAsync(file,
            new ImportRowError(2, "Hãy nhập họ tên."),
            new ImportRowError(3, "Thư điện tử không hợp lệ."));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("truncated")]
    public async Task NotAnXlsx_IsReportedForTheWholeFile(string kind)
    {
        var valid = Sheet(Header, Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"));
        var file = kind == "text" ? "Mã thôn;Họ và tên\n07444-01;Hoàng Văn Bình"u8.ToArray() : valid[..(valid.Length / 2)];

        await AssertRejectedAsync(file, new ImportRowError(0, "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ."));
    }

    [Fact]
    public async Task FileOverFiveMegabytes_IsRefusedUnread()
    {
        var file = new byte[VillageLeaderImport.MaxFileBytes + 1];

        await AssertRejectedAsync(file, new ImportRowError(0, "Tệp lớn hơn 5 MB."));
    }

    [Fact]
    public async Task MoreThan2000Rows_IsRefused()
    {
        var rows = Enumerable.Range(1, VillageLeaderImport.MaxRows + 1)
            .Select(i => Row("07444-01", "Người Thứ " + i, $"nguoi{i}@test.vn"))
            .ToArray();

        await AssertRejectedAsync(Sheet(Header, rows), new ImportRowError(0, "Tệp có quá nhiều dòng: mỗi lần nhập tối đa 2.000 tài khoản."));
    }

    [Fact]
    public async Task FailureWhileCreating_RollsBackTheAccountsAlreadyCreated()
    {
        // Row 3 passes every check of the first pass; only the (test) user validator run at creation rejects it,
        // after row 2's account was inserted in the same transaction.
        var file = Sheet(Header,
            Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"),
            Row("07444-02", "Phạm Thị Lan", FailsAtCreation));

        await AssertRejectedAsync(file, new ImportRowError(3, "Không lưu được tài khoản (" + FailingValidator.Code + ")."));
    }

    [Fact]
    public async Task DistrictOfficer_CannotImportNorDownloadTheTemplate_AndIsAudited()
    {
        var file = Sheet(Header, Row("07444-01", "Hoàng Văn Bình", "binh@test.vn"));

        var error = await Assert.ThrowsAsync<ScopeViolationException>(() => AsD1.ImportAsync(new MemoryStream(file)));
        await Assert.ThrowsAsync<ScopeViolationException>(() => AsD1.CreateTemplateAsync());

        Assert.Contains("cán bộ cấp xã", error.Message, StringComparison.Ordinal);
        Assert.Null(await FindAsync("binh@test.vn"));
        var refusals = await RefusalsAsync();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(_d1Officer.Id, r.UserId));
    }

    /// <summary>Asserts the exact errors, and that nothing was created: no account, no creation audit row.</summary>
    private async Task AssertRejectedAsync(byte[] file, params ImportRowError[] expected)
    {
        var before = await CountAccountsAsync();

        var result = await AsC1.ImportAsync(new MemoryStream(file));

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Created);
        Assert.Equal(expected, result.Errors);
        Assert.Equal(before, await CountAccountsAsync());
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AppUser) && a.Action == AuditActions.Create
            && a.UserId == _c1Officer.Id));
    }

    private async Task<int> CountAccountsAsync()
    {
        await using var db = Database.CreateSystemContext();
        return await db.Users.CountAsync();
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        await using var db = Database.CreateSystemContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
    }

    private async Task<List<AuditEntry>> RefusalsAsync()
    {
        await using var db = Database.CreateSystemContext();
        return await db.AuditEntries.Where(a => a.Action == AuditActions.Refused).OrderBy(a => a.Id).ToListAsync();
    }

    private static string[] Row(string code, string name, string email, string password = GoodPassword) => [code, "", name, email, password];

    /// <summary>A real .xlsx with <paramref name="header"/> in row 1 and <paramref name="rows"/> from row 2.</summary>
    private static byte[] Sheet(string[] header, params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Tài khoản trưởng thôn");
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
                }
            }
        }

        return Save(workbook).ToArray();
    }

    private static MemoryStream Save(XLWorkbook workbook)
    {
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static string Describe(VillageLeaderImportResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Row}: {e.Message}"));

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, so the values are all there when the import returns.</summary>
    private sealed class RecordingProgress : IProgress<int>
    {
        public List<int> Values { get; } = [];

        public void Report(int value) => Values.Add(value);
    }

    private sealed class FailingValidator : IUserValidator<AppUser>
    {
        public const string Code = "TestRejected";

        public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user) =>
            Task.FromResult(string.Equals(user.Email, FailsAtCreation, StringComparison.OrdinalIgnoreCase)
                ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "rejected by the test" })
                : IdentityResult.Success);
    }
}

public sealed class SqliteVillageLeaderImportTests() : VillageLeaderImportTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlVillageLeaderImportTests() : VillageLeaderImportTests(DatabaseProvider.PostgreSql);
