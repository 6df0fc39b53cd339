using System.ComponentModel.DataAnnotations;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Accounts.Import;

/// <summary>
/// A commune officer creates the village-leader accounts of the commune from an Excel sheet: the template
/// lists the commune's villages; an import checks every row first and then creates all accounts in one
/// transaction, or none. The checks are <see cref="AccountService"/>'s own (role and subtree, name, password
/// validators and their Vietnamese messages), so a row is accepted exactly when "Thêm tài khoản" would accept it.
/// </summary>
public sealed class VillageLeaderImport(
    AccountService accounts,
    IDbContextFactory<CnscdDbContext> contextFactory,
    VietnamClock clock,
    ILogger<VillageLeaderImport> logger)
{
    /// <summary>The largest file accepted (5 MB): a commune has tens of villages, not thousands.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The most data rows one import may hold.</summary>
    public const int MaxRows = 2000;

    /// <summary>The template's download name: ASCII only, so no browser or proxy mangles it.</summary>
    public const string TemplateFileName = "mau-tai-khoan-truong-thon.xlsx";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string ImportOperation = "Nhập tài khoản trưởng thôn từ Excel";
    private const string TemplateOperation = "Tải mẫu nhập tài khoản trưởng thôn";

    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>
    /// The template workbook (.xlsx) for the signed-in commune officer: a header row and one row per current
    /// village of the commune (code and name pre-filled), and a second sheet listing the same villages.
    /// Refused (<see cref="ScopeViolationException"/>, audited) for anyone but a commune officer.
    /// </summary>
    public async Task<byte[]> CreateTemplateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await RequireCommuneOfficerAsync(db, TemplateOperation, cancellationToken);
        var today = clock.Today;
        var communeId = manager.AccountScope.CommuneId;
        // The session's query filter applies too; the commune term keeps a stale cookie from listing more.
        var villages = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Village && u.CommuneId == communeId)
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .OrderBy(u => u.Code)
            .Select(u => new TemplateVillage(u.Code, u.Name))
            .ToListAsync(cancellationToken);
        return VillageLeaderSheet.CreateTemplate(villages);
    }

    /// <summary>
    /// Creates one village-leader account per filled-in row of <paramref name="xlsx"/>. Every row is checked
    /// first (village of the officer's commune, name, e-mail well-formed, unique in the file and unused,
    /// password accepted by Identity's validators); if any row fails, nothing is saved and the result lists
    /// each problem with its row number. Otherwise all accounts are created in one transaction.
    /// <paramref name="progress"/> receives a percentage. Refused (<see cref="ScopeViolationException"/>,
    /// audited) for anyone but a commune officer; a row naming a village of another commune is reported and
    /// the attempt audited as refused.
    /// </summary>
    public async Task<VillageLeaderImportResult> ImportAsync(Stream xlsx, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await RequireCommuneOfficerAsync(db, ImportOperation, cancellationToken);
        var reporter = new ProgressReporter(progress);

        using var content = await UploadBuffer.ReadLimitedAsync(xlsx, MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return VillageLeaderImportResult.Fail(0, "Tệp lớn hơn 5 MB.");
        }

        var sheet = VillageLeaderSheet.Read(content, MaxRows, cancellationToken);
        if (sheet.Errors.Count > 0)
        {
            return VillageLeaderImportResult.Fail(sheet.Errors);
        }

        if (sheet.Rows.Count == 0)
        {
            return VillageLeaderImportResult.Fail(0, "Tệp không có dòng tài khoản nào.");
        }

        reporter.Report(5);
        using var users = accounts.CreateUserManager(db);
        var (accepted, errors) = await ValidateAsync(db, users, manager, sheet.Rows, reporter, cancellationToken);
        if (errors.Count > 0)
        {
            return VillageLeaderImportResult.Fail(errors);
        }

        var created = await CreateAllAsync(db, users, accepted, reporter, cancellationToken);
        if (created.Count > 0)
        {
            return VillageLeaderImportResult.Fail(created);
        }

        reporter.Report(100);
        logger.LogInformation("{Count} village leader accounts imported by {ActorId}", accepted.Count, manager.UserId);
        return VillageLeaderImportResult.Ok(accepted.Count);
    }

    /// <summary>
    /// Whether the signed-in account may download the template and import, i.e. is an active commune officer as
    /// the database says now (not as the cookie says); the page shows the Excel buttons only then.
    /// </summary>
    public async Task<bool> CanImportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return IsCommuneOfficer(await AccountRules.LoadManagerAsync(db, cancellationToken));
    }

    private static bool IsCommuneOfficer(AccountRules.Manager? manager) =>
        manager is { Role: AppRole.CommuneOfficer, AccountScope.CommuneId: not null };

    private async Task<AccountRules.Manager> RequireCommuneOfficerAsync(CnscdDbContext db, string operation,
        CancellationToken cancellationToken)
    {
        var manager = await accounts.RequireManagerAsync(db, operation, null, cancellationToken);
        if (!IsCommuneOfficer(manager))
        {
            throw await accounts.RefuseAsync(operation, "Chỉ cán bộ cấp xã được nhập tài khoản trưởng thôn từ Excel.", null, null);
        }

        return manager;
    }

    /// <summary>Checks every row, collecting every problem (not only the first), and builds the accounts to create.</summary>
    private async Task<(List<(ImportedRow Row, AppUser User)> Accepted, List<ImportRowError> Errors)> ValidateAsync(
        CnscdDbContext db, UserManager<AppUser> users, AccountRules.Manager manager, IReadOnlyList<ImportedRow> rows,
        ProgressReporter reporter, CancellationToken cancellationToken)
    {
        var villages = await LoadVillagesAsync(db, rows, cancellationToken);
        var emailsInUse = await LoadEmailsInUseAsync(db, users, rows, cancellationToken);
        var accepted = new List<(ImportedRow, AppUser)>();
        var errors = new List<ImportRowError>();
        var firstRowOfEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var foreign = new List<(string Code, int UnitId)>();

        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows[i];
            var rowErrors = new List<string>();
            var unit = CheckVillage(manager, row, villages, rowErrors, foreign);
            var request = new AccountRequest(row.FullName, row.Email, AppRole.VillageLeader, unit?.Id ?? 0);
            if (AccountRules.Validate(request, unit, unitChanged: true, clock.Today) is { } invalid)
            {
                rowErrors.AddRange(invalid.Errors);
            }

            if (row.Email.Length > 0)
            {
                var normalized = users.NormalizeEmail(row.Email);
                if (!IsWellFormed(row.Email))
                {
                    rowErrors.Add(AccountMessages.InvalidEmail);
                }
                else if (firstRowOfEmail.TryGetValue(normalized, out var first))
                {
                    rowErrors.Add($"Thư điện tử trùng với dòng {first}.");
                }
                else if (emailsInUse.Contains(normalized))
                {
                    rowErrors.Add(AccountMessages.EmailInUse);
                }

                firstRowOfEmail.TryAdd(normalized, row.Row);
            }

            var user = AccountRules.NewAccount(request, clock.UtcNow);
            if (row.Password.Length == 0)
            {
                rowErrors.Add("Hãy nhập mật khẩu ban đầu.");
            }
            else
            {
                rowErrors.AddRange(await accounts.ValidatePasswordAsync(users, user, row.Password));
            }

            errors.AddRange(rowErrors.Distinct().Select(message => new ImportRowError(row.Row, message)));
            if (rowErrors.Count == 0)
            {
                accepted.Add((row, user));
            }

            reporter.Report(5 + (15 * (i + 1) / rows.Count));
        }

        if (foreign.Count > 0)
        {
            // One refusal row for the attempt, not one per row: it is one act by one officer.
            var codes = string.Join(", ", foreign.Select(f => f.Code).Distinct());
            await accounts.RefuseAsync(ImportOperation, $"Thôn {codes} không thuộc xã của bạn.", null, foreign[0].UnitId);
        }

        return (accepted, errors);
    }

    private static AccountRules.UnitFacts? CheckVillage(AccountRules.Manager manager, ImportedRow row,
        Dictionary<string, AccountRules.UnitFacts> villages, List<string> rowErrors, List<(string, int)> foreign)
    {
        if (row.VillageCode.Length == 0)
        {
            rowErrors.Add("Hãy nhập mã thôn.");
            return null;
        }

        if (!villages.TryGetValue(row.VillageCode, out var unit))
        {
            rowErrors.Add($"Không có thôn nào mã {ImportText.Echo(row.VillageCode)}.");
            return null;
        }

        switch (AccountRules.BindingProblem(manager, AppRole.VillageLeader, unit))
        {
            case null:
                return unit;
            case AccountRules.OutsideScope:
                rowErrors.Add($"Thôn {row.VillageCode} không thuộc xã của bạn.");
                foreign.Add((row.VillageCode, unit.Id));
                return null;
            case var problem:
                rowErrors.Add(problem);
                return null;
        }
    }

    /// <summary>
    /// The villages the rows name, by code, across scopes: whether a village lies in the officer's commune is
    /// decided by <see cref="AccountRules.BindingProblem"/>, and "not yours" must be told apart from "no such
    /// village". A code that was reused after a merger means its most recent unit.
    /// </summary>
    private static async Task<Dictionary<string, AccountRules.UnitFacts>> LoadVillagesAsync(CnscdDbContext db,
        IReadOnlyList<ImportedRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.VillageCode).Where(c => c.Length > 0).Distinct().ToList();
        var units = await UnitTree.Everywhere(db)
            .Where(u => u.Level == UnitLevel.Village && codes.Contains(u.Code))
            .Select(u => new { u.Code, u.ValidFrom, Facts = new AccountRules.UnitFacts(u.Id, u.Level, u.DistrictId, u.CommuneId, u.VillageId, u.ValidTo) })
            .ToListAsync(cancellationToken);
        return units.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.ValidFrom).First().Facts, StringComparer.OrdinalIgnoreCase);
    }

    // Accounts are not behind the scope filter (decision 004): an e-mail is unique across the whole province.
    private static async Task<HashSet<string>> LoadEmailsInUseAsync(CnscdDbContext db, UserManager<AppUser> users,
        IReadOnlyList<ImportedRow> rows, CancellationToken cancellationToken)
    {
        var emails = rows.Where(r => r.Email.Length > 0).Select(r => users.NormalizeEmail(r.Email)).Distinct().ToList();
        var inUse = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
            .Select(u => u.NormalizedEmail!)
            .ToListAsync(cancellationToken);
        return inUse.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Hashes every password, then creates every account inside one transaction; any failure rolls all of
    /// them back. Returns the errors (empty when all were created).
    /// </summary>
    private static async Task<List<ImportRowError>> CreateAllAsync(CnscdDbContext db, UserManager<AppUser> users,
        List<(ImportedRow Row, AppUser User)> accepted, ProgressReporter reporter, CancellationToken cancellationToken)
    {
        // Hashing (PBKDF2, tens of milliseconds each) happens before the transaction so that it holds no locks
        // while it runs.
        for (var i = 0; i < accepted.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (row, user) = accepted[i];
            user.PasswordHash = users.PasswordHasher.HashPassword(user, row.Password);
            reporter.Report(20 + (60 * (i + 1) / accepted.Count));
        }

        // Each CreateAsync saves (and the audit interceptor writes its row) inside this transaction; leaving
        // without CommitAsync, by a failed row or an exception, rolls every one of them back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < accepted.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (row, user) = accepted[i];
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return AccountMessages.Translate(result.Errors, users.Options.Password)
                    .Select(message => new ImportRowError(row.Row, message))
                    .ToList();
            }

            reporter.Report(80 + (19 * (i + 1) / accepted.Count));
        }

        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private static bool IsWellFormed(string email) =>
        email.Length <= 256 && EmailFormat.IsValid(email)
        && System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email;

    /// <summary>Reports a percentage only when it moves, so a page is not re-rendered two thousand times.</summary>
    private sealed class ProgressReporter(IProgress<int>? progress)
    {
        private int _last = -1;

        public void Report(int percent)
        {
            if (progress is not null && percent > _last)
            {
                _last = percent;
                progress.Report(percent);
            }
        }
    }
}
