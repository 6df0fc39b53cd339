using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using System.Security.Cryptography;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common.Results;
using Microsoft.EntityFrameworkCore;
using Unit = BacGiang.Cnscd.Core.Features.Restructuring.PlanUnit;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The 1 July 2025 reform as data (issue 12): a merger plan — old commune → new commune, in the columns of the
/// official map — is checked against the current tree, previewed, applied in one transaction and undone from its
/// journal (decision 046). The preview lists the units to close and to open, the villages and the data that would move
/// into each new commune, the commune teams to merge and the district accounts that lose their scope; it writes
/// nothing. The same three steps take a village plan (move, merge or split villages, decision 049), told apart by its
/// header line. Only the province's administrators (and system work) may preview, apply, undo or list plans.
/// </summary>
public sealed class RestructuringService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals)
{
    public const string NotAProvinceAdmin = "Chỉ quản trị cấp tỉnh được sắp xếp đơn vị hành chính.";

    public const string AlreadyUndone = "Kế hoạch này đã được hoàn tác.";

    public const string LaterPlanApplied = "Đã có kế hoạch áp dụng sau kế hoạch này: hãy hoàn tác kế hoạch sau trước.";

    /// <summary>
    /// Reads the plan and checks it against the tree as it stands the day before <paramref name="effectiveOn"/>.
    /// Refused (row-level messages, nothing read further) for a malformed file, an unknown or closed old commune, an
    /// old commune listed twice, a current commune the plan leaves out (it would stay under a closed district), a new
    /// code taken by another current unit, an effective date that would rewrite an approved report, or two old
    /// communes with an open report for the same quarter after the date (one new commune can take only one).
    /// </summary>
    /// <exception cref="Tenancy.ScopeViolationException">The actor is not a province administrator (audited).</exception>
    public async Task<RestructuringPreviewResult> PreviewAsync(Stream plan, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireProvinceAdminAsync(db);
        var bytes = await ReadAllAsync(plan, cancellationToken);
        if (IsVillagePlan(bytes))
        {
            var (villagePlan, villageErrors) = await ReadAndCheckVillagesAsync(db, bytes, effectiveOn, cancellationToken);
            return villagePlan is null
                ? new RestructuringPreviewResult(null, villageErrors)
                : new RestructuringPreviewResult(null, [], Villages: await VillagePlanChecker.PreviewAsync(db, villagePlan, cancellationToken));
        }

        var (checkedPlan, errors) = await ReadAndCheckAsync(db, new MemoryStream(bytes, writable: false), effectiveOn, cancellationToken);
        return checkedPlan is null
            ? new RestructuringPreviewResult(null, errors)
            : new RestructuringPreviewResult(await PreviewOfAsync(db, checkedPlan, cancellationToken), []);
    }

    /// <summary>
    /// Checks the plan exactly as <see cref="PreviewAsync"/> does and, when it passes, applies it in one transaction:
    /// the new communes open under the province with a commune team each, the villages and everything under them move,
    /// the old communes and the districts close (ValidTo the day before, SuccessorId), the old commune teams close with
    /// their rosters, targets and open reports of the quarters after the date move to the successor, commune accounts
    /// are re-scoped, district accounts disabled, and the sessions of every account concerned end at their next check.
    /// A failure anywhere leaves the database as it was. A plan already applied is refused by the check (its old
    /// communes are closed).
    /// </summary>
    /// <returns>The preview of what was applied and the journal's id, or the refusal.</returns>
    /// <exception cref="Tenancy.ScopeViolationException">The actor is not a province administrator (audited).</exception>
    public async Task<RestructuringPreviewResult> ApplyAsync(Stream plan, DateOnly effectiveOn, IProgress<RestructuringStep>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireProvinceAdminAsync(db);
        var bytes = await ReadAllAsync(plan, cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (IsVillagePlan(bytes))
        {
            return await ApplyVillagesAsync(db, transaction, bytes, effectiveOn, progress, cancellationToken);
        }

        var (checkedPlan, errors) = await ReadAndCheckAsync(db, new MemoryStream(bytes, writable: false), effectiveOn, cancellationToken);
        if (checkedPlan is null)
        {
            return new RestructuringPreviewResult(null, errors);
        }

        var preview = await PreviewOfAsync(db, checkedPlan, cancellationToken);
        progress?.Report(RestructuringStep.Checked);
        var changes = await RestructuringApplier.ApplyAsync(db, checkedPlan, progress, cancellationToken);
        var journal = new RestructuringJournal
        {
            EffectiveOn = effectiveOn, PlanSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Summary = RestructuringReport.Summary(preview),
            ProvinceNameBefore = changes.ProvinceNameBefore,
            AppliedAtUtc = db.Clock.UtcNow, AppliedByUserName = db.Actor.UserName, ChangesJson = JsonSerializer.Serialize(changes, JournalJson),
        };
        db.RestructuringJournals.Add(journal);
        await db.SaveChangesAsync(cancellationToken);
        await AuditLog.RecordAsync(db, AuditActions.Restructure, "Restructuring", journal.Id.ToString(CultureInfo.InvariantCulture), checkedPlan.Province.Id,
            JsonSerializer.Serialize(new { effectiveOn, summary = journal.Summary }, AuditJson.Options),
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RestructuringPreviewResult(preview with { DistrictAccountsToDisable = DisabledAccounts(changes) }, [], journal.Id);
    }

    /// <summary>
    /// Undoes an applied plan, in one transaction, back to the state before it (the audit log and the journal keep the
    /// record of both). Refused once anything was written into the units it opened, for a plan already undone, and
    /// while a later plan is applied.
    /// </summary>
    /// <exception cref="Tenancy.ScopeViolationException">The actor is not a province administrator (audited).</exception>
    public async Task<CommandResult<int>> UndoAsync(int journalId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireProvinceAdminAsync(db);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var journal = await db.RestructuringJournals.SingleOrDefaultAsync(j => j.Id == journalId, cancellationToken);
        if (journal is null)
        {
            return CommandResult<int>.Invalid("Không tìm thấy kế hoạch đã áp dụng này.");
        }

        if (journal.UndoneAtUtc is not null)
        {
            return CommandResult<int>.Invalid(AlreadyUndone);
        }

        if (await db.RestructuringJournals.AnyAsync(j => j.Id > journalId && j.UndoneAtUtc == null, cancellationToken))
        {
            return CommandResult<int>.Invalid(LaterPlanApplied);
        }

        var changes = JsonSerializer.Deserialize<RestructuringChanges>(journal.ChangesJson, JournalJson)!;
        var blocked = changes.Villages is { } villages
            ? await VillagePlanApplier.NewDataAsync(db, villages, cancellationToken)
            : await RestructuringApplier.NewDataInOpenedUnitsAsync(db, changes, cancellationToken);
        if (blocked is not null)
        {
            return CommandResult<int>.Invalid(blocked);
        }

        if (changes.Villages is { } villageChanges)
        {
            await VillagePlanApplier.UndoAsync(db, villageChanges, cancellationToken);
        }
        else
        {
            await RestructuringApplier.UndoAsync(db, changes, cancellationToken);
        }

        journal.UndoneAtUtc = db.Clock.UtcNow;
        journal.UndoneByUserName = db.Actor.UserName;
        await db.SaveChangesAsync(cancellationToken);
        await AuditLog.RecordAsync(db, AuditActions.Restructure, "Restructuring", journal.Id.ToString(CultureInfo.InvariantCulture), changes.ProvinceId,
            JsonSerializer.Serialize(new { undo = true, effectiveOn = journal.EffectiveOn }, AuditJson.Options),
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<int>.Ok(journal.Id);
    }

    /// <summary>The plans applied so far, newest first (for the administrator's page and the command line).</summary>
    /// <exception cref="Tenancy.ScopeViolationException">The actor is not a province administrator (audited).</exception>
    public async Task<IReadOnlyList<RestructuringJournalRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireProvinceAdminAsync(db);
        var journals = await db.RestructuringJournals.AsNoTracking().OrderByDescending(j => j.Id).ToListAsync(cancellationToken);
        return journals.Select(j => new RestructuringJournalRow(j.Id, j.EffectiveOn, j.Summary, j.AppliedAtUtc, j.AppliedByUserName, j.UndoneAtUtc,
            j.UndoneByUserName, DisabledAccounts(JsonSerializer.Deserialize<RestructuringChanges>(j.ChangesJson, JournalJson)!))).ToList();
    }

    private static readonly JsonSerializerOptions JournalJson = new() { WriteIndented = false };

    /// <summary>A village plan (move, merge, split) is told from the commune merger map by its header line.</summary>
    private static bool IsVillagePlan(byte[] plan) => PlanCsv.HeaderOf(plan) == VillagePlanReader.Header;

    private static async Task<(CheckedVillagePlan? Plan, IReadOnlyList<ImportRowError> Errors)> ReadAndCheckVillagesAsync(CnscdDbContext db, byte[] plan,
        DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var (rows, fileErrors) = VillagePlanReader.Read(new MemoryStream(plan, writable: false));
        return fileErrors.Count > 0 ? (null, fileErrors) : await VillagePlanChecker.CheckAsync(db, rows, effectiveOn, cancellationToken);
    }

    /// <summary>The village plan's apply: checked again inside the transaction, applied, journalled and audited, or refused with nothing written.</summary>
    private static async Task<RestructuringPreviewResult> ApplyVillagesAsync(CnscdDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        byte[] bytes, DateOnly effectiveOn, IProgress<RestructuringStep>? progress, CancellationToken cancellationToken)
    {
        var (plan, errors) = await ReadAndCheckVillagesAsync(db, bytes, effectiveOn, cancellationToken);
        if (plan is null)
        {
            return new RestructuringPreviewResult(null, errors);
        }

        var preview = await VillagePlanChecker.PreviewAsync(db, plan, cancellationToken);
        progress?.Report(RestructuringStep.Checked);
        var changes = new RestructuringChanges
        {
            ProvinceId = plan.Province.Id, Villages = await VillagePlanApplier.ApplyAsync(db, plan, progress, cancellationToken),
        };
        var journal = new RestructuringJournal
        {
            EffectiveOn = effectiveOn, PlanSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Summary = RestructuringReport.Summary(preview),
            AppliedAtUtc = db.Clock.UtcNow, AppliedByUserName = db.Actor.UserName, ChangesJson = JsonSerializer.Serialize(changes, JournalJson),
        };
        db.RestructuringJournals.Add(journal);
        await db.SaveChangesAsync(cancellationToken);
        await AuditLog.RecordAsync(db, AuditActions.Restructure, "Restructuring", journal.Id.ToString(CultureInfo.InvariantCulture), plan.Province.Id,
            JsonSerializer.Serialize(new { effectiveOn, summary = journal.Summary }, AuditJson.Options), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RestructuringPreviewResult(null, [], journal.Id, preview);
    }

    private static List<string> DisabledAccounts(RestructuringChanges changes) =>
        changes.Accounts.Where(a => a.Change == RestructuringChanges.AccountChange.Disabled).Select(a => a.Email ?? a.Id).ToList();

    private async Task RequireProvinceAdminAsync(CnscdDbContext db)
    {
        var actor = db.Actor;
        if (!(actor.Scope.IsUnrestricted || actor.Role == AppRole.ProvinceAdmin))
        {
            throw await refusals.RefuseAtAsync("Restructuring", null, actor.UnitId, NotAProvinceAdmin);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream plan, CancellationToken cancellationToken)
    {
        // The reader stops at its own bound; one byte more than that is enough to let it say "too big".
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await plan.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MergerPlanReader.MaxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static async Task<(CheckedPlan? Plan, IReadOnlyList<ImportRowError> Errors)> ReadAndCheckAsync(CnscdDbContext db, Stream plan,
        DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var (rows, fileErrors) = MergerPlanReader.Read(plan);
        if (fileErrors.Count > 0)
        {
            return (null, fileErrors);
        }

        var dayBefore = effectiveOn.AddDays(-1);
        var units = await UnitTree.Everywhere(db)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.DistrictId, u.ValidFrom, u.ValidTo, u.SuccessorId))
            .ToListAsync(cancellationToken);
        var errors = new List<ImportRowError>();
        var province = units.SingleOrDefault(u => u.Level == UnitLevel.Province && u.IsCurrent(dayBefore));
        if (province is null)
        {
            return (null, [new ImportRowError(0, "Không có đơn vị cấp tỉnh đang hiệu lực vào ngày trước ngày hiệu lực.")]);
        }

        // The units the plan closes must still be valid on the effective date itself: one that ends the day before was
        // closed already (ValidTo is the last valid day), which is what applying a plan does.
        var communes = units.Where(u => u.Level == UnitLevel.Commune && u.IsCurrent(dayBefore) && u.IsCurrent(effectiveOn))
            .ToDictionary(u => u.Code, StringComparer.Ordinal);
        var oldCommunes = CheckOldCommunes(rows, units, communes, effectiveOn, errors);
        CheckNewCommunes(rows, units, oldCommunes, province, effectiveOn, errors);
        foreach (var left in communes.Values.Where(c => oldCommunes.Values.All(o => o.Id != c.Id)).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            errors.Add(new ImportRowError(0,
                $"Xã {left.Name} ({left.Code}) không có trong kế hoạch: sau ngày hiệu lực xã sẽ nằm dưới một huyện đã giải thể."));
        }

        var districts = units.Where(u => u.Level == UnitLevel.District && u.IsCurrent(dayBefore) && u.IsCurrent(effectiveOn)).ToList();
        await CheckReportsAsync(db, rows, oldCommunes, units, districts, effectiveOn, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, ImportErrors.Listed(errors.OrderBy(e => e.Row).ToList()));
        }

        return (new CheckedPlan(rows, oldCommunes, units, province, districts, effectiveOn), []);
    }

    /// <summary>
    /// An approved report of a closing unit for a quarter that ends on or after the date would be rewritten; and a new
    /// commune can take over only one open report per quarter from its predecessors.
    /// </summary>
    private static async Task CheckReportsAsync(CnscdDbContext db, IReadOnlyList<MergerPlanRow> rows, Dictionary<int, Unit> oldCommunes,
        List<Unit> units, List<Unit> districts, DateOnly effectiveOn, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var closing = oldCommunes.Values.Select(c => c.Id).Concat(districts.Select(d => d.Id)).ToHashSet();
        var reports = (await db.QuarterlyReports.AsNoTracking()
            .Where(r => closing.Contains(r.UnitId))
            .Select(r => new { r.UnitId, r.Year, r.Quarter, r.Status }).ToListAsync(cancellationToken))
            .Where(r => new ReportingPeriod(r.Year, r.Quarter).End >= effectiveOn).OrderBy(r => r.Year).ThenBy(r => r.Quarter).ToList();
        foreach (var report in reports.Where(r => r.Status == ReportStatus.Approved))
        {
            var unit = units.First(u => u.Id == report.UnitId);
            errors.Add(new ImportRowError(0, string.Create(CultureInfo.InvariantCulture,
                $"Báo cáo quý {report.Quarter}/{report.Year} của {unit.Name} đã được duyệt: ngày hiệu lực {effectiveOn:dd/MM/yyyy} sẽ làm thay đổi báo cáo này.")));
        }

        var newCodeOf = rows.Where(r => oldCommunes.ContainsKey(r.Row)).ToDictionary(r => oldCommunes[r.Row].Id, r => r.NewCommuneCode);
        foreach (var collision in reports.Where(r => r.Status != ReportStatus.Approved && newCodeOf.ContainsKey(r.UnitId))
                     .GroupBy(r => (Code: newCodeOf[r.UnitId], r.Year, r.Quarter)).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", collision.Select(r => units.First(u => u.Id == r.UnitId).Name));
            errors.Add(new ImportRowError(0, string.Create(CultureInfo.InvariantCulture,
                $"{names} đều có báo cáo quý {collision.Key.Quarter}/{collision.Key.Year} chưa duyệt; xã mới {collision.Key.Code} chỉ nhận được một báo cáo mỗi quý.")));
        }
    }

    private static Dictionary<int, Unit> CheckOldCommunes(IReadOnlyList<MergerPlanRow> rows, List<Unit> units, Dictionary<string, Unit> communes,
        DateOnly effectiveOn, List<ImportRowError> errors)
    {
        var byRow = new Dictionary<int, Unit>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (firstRow.TryGetValue(row.OldCommuneCode, out var first))
            {
                errors.Add(new ImportRowError(row.Row, $"Xã cũ {row.OldCommuneCode} đã có ở dòng {first}: mỗi xã cũ chỉ thuộc một xã mới."));
                continue;
            }

            firstRow[row.OldCommuneCode] = row.Row;
            if (communes.TryGetValue(row.OldCommuneCode, out var commune))
            {
                if (commune.ValidFrom >= effectiveOn)
                {
                    errors.Add(new ImportRowError(row.Row, string.Create(CultureInfo.InvariantCulture,
                        $"Xã {commune.Name} chỉ có hiệu lực từ {commune.ValidFrom:dd/MM/yyyy}, không trước ngày hiệu lực.")));
                }
                else
                {
                    byRow[row.Row] = commune;
                }

                continue;
            }

            var closed = units.Where(u => u.Level == UnitLevel.Commune && u.Code == row.OldCommuneCode && u.ValidTo is not null)
                .OrderByDescending(u => u.ValidTo).FirstOrDefault();
            errors.Add(new ImportRowError(row.Row, closed is not null
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Xã {closed.Name} ({row.OldCommuneCode}) đã hết hiệu lực từ {closed.ValidTo!.Value.AddDays(1):dd/MM/yyyy}: kế hoạch này đã được áp dụng.")
                : $"Mã xã cũ {row.OldCommuneCode} không có trong danh mục xã đang hiệu lực."));
        }

        return byRow;
    }

    private static void CheckNewCommunes(IReadOnlyList<MergerPlanRow> rows, List<Unit> units, Dictionary<int, Unit> oldCommunes, Unit province,
        DateOnly effectiveOn, List<ImportRowError> errors)
    {
        var closing = oldCommunes.Values.Select(c => c.Id).ToHashSet();
        var names = new Dictionary<string, MergerPlanRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.NewProvinceCode != province.Code)
            {
                errors.Add(new ImportRowError(row.Row, $"Mã tỉnh mới {row.NewProvinceCode} khác mã tỉnh {province.Code}: kế hoạch chỉ sắp xếp trong một tỉnh."));
            }

            if (rows[0].NewProvinceName != row.NewProvinceName)
            {
                errors.Add(new ImportRowError(row.Row, $"Tên tỉnh mới “{ImportText.Echo(row.NewProvinceName)}” khác dòng {rows[0].Row} (“{ImportText.Echo(rows[0].NewProvinceName)}”)."));
            }

            if (names.TryGetValue(row.NewCommuneCode, out var first))
            {
                if (!SameName(first.NewCommuneName, row.NewCommuneName))
                {
                    errors.Add(new ImportRowError(row.Row, $"Xã mới {row.NewCommuneCode} có tên khác ở dòng {first.Row} (“{ImportText.Echo(first.NewCommuneName)}”)."));
                }

                continue;
            }

            names[row.NewCommuneCode] = row;
            // A new commune may reuse the code of one it replaces (07210); never that of a unit that stays.
            var taken = units.FirstOrDefault(u => u.Code == row.NewCommuneCode && u.IsCurrent(effectiveOn) && !closing.Contains(u.Id));
            if (taken is not null)
            {
                errors.Add(new ImportRowError(row.Row, $"Mã xã mới {row.NewCommuneCode} trùng với đơn vị đang hiệu lực: {taken.Name}."));
            }
        }
    }

    /// <summary>
    /// Two spellings of one name: the official map itself writes "Hiệp Hòa" and "Hiệp Hoà" (old and new tone-mark
    /// placement). Same letters and the same tone marks, wherever on the syllable they sit; "Hòa" and "Hóa" still differ.
    /// </summary>
    internal static bool SameName(string a, string b) =>
        string.Equals(Text.VietnameseText.ToSearchKey(a), Text.VietnameseText.ToSearchKey(b), StringComparison.Ordinal)
        && Marks(a).SequenceEqual(Marks(b));

    private static IEnumerable<char> Marks(string name) =>
        name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark).Order();

    private static async Task<RestructuringPreview> PreviewOfAsync(CnscdDbContext db, CheckedPlan plan, CancellationToken cancellationToken)
    {
        var effectiveOn = plan.EffectiveOn;
        var dayBefore = plan.DayBefore;
        var ids = plan.OldCommuneByRow.Values.Select(c => c.Id).ToList();
        var households = await CountByCommuneAsync(db.Households.AsNoTracking().Where(h => ids.Contains(h.CommuneId!.Value)).Select(h => h.CommuneId), cancellationToken);
        var visits = await CountByCommuneAsync(db.HouseholdVisits.AsNoTracking().Where(v => ids.Contains(v.CommuneId!.Value)).Select(v => v.CommuneId), cancellationToken);
        var members = await CountByCommuneAsync(db.TeamMembers.AsNoTracking()
            .Where(m => ids.Contains(m.CommuneId!.Value) && m.StartDate <= dayBefore && (m.EndDate == null || m.EndDate >= dayBefore)).Select(m => m.CommuneId),
            cancellationToken);
        // What moves to a successor: targets due on or after the date, and open reports of the quarters after it.
        var targets = await CountByCommuneAsync(db.Targets.AsNoTracking().Where(t => ids.Contains(t.UnitId) && t.DueDate >= effectiveOn)
            .Select(t => (int?)t.UnitId), cancellationToken);
        var openReports = (await db.QuarterlyReports.AsNoTracking()
                .Where(r => ids.Contains(r.UnitId) && r.Status != ReportStatus.Approved).Select(r => new { r.UnitId, r.Year, r.Quarter }).ToListAsync(cancellationToken))
            .Where(r => new ReportingPeriod(r.Year, r.Quarter).End >= effectiveOn).GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Count());
        var communeTeams = await CountByCommuneAsync(db.Teams.AsNoTracking().Where(t => ids.Contains(t.UnitId) && t.ClosedOn == null)
            .Select(t => (int?)t.UnitId), cancellationToken);
        var villages = plan.Units.Where(u => u.Level == UnitLevel.Village && u.IsCurrent(dayBefore) && u.ParentId is { } p && ids.Contains(p)).ToList();
        var communeOfUnit = villages.ToDictionary(v => v.Id, v => v.ParentId!.Value);
        foreach (var id in ids)
        {
            communeOfUnit[id] = id;
        }

        var accountUnits = communeOfUnit.Keys.ToList();
        var accountCommunes = (await db.Users.AsNoTracking().Where(u => u.IsActive && accountUnits.Contains(u.UnitId)).Select(u => u.UnitId).ToListAsync(cancellationToken))
            .GroupBy(unitId => communeOfUnit[unitId]).ToDictionary(g => g.Key, g => g.Count());
        var districtIds = plan.Districts.Select(d => d.Id).ToList();
        var districtAccounts = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && districtIds.Contains(u.UnitId))
            .OrderBy(u => u.Email).Select(u => u.Email ?? u.UserName ?? u.Id).ToListAsync(cancellationToken);

        int Sum(Dictionary<int, int> counts, IEnumerable<Unit> of) => of.Sum(c => counts.GetValueOrDefault(c.Id));
        var opened = plan.NewCommunes.Select(c => new NewCommunePreview(c.Code, c.Name, c.Old.Select(o => $"{o.Name} ({o.Code})").ToList(),
            villages.Count(v => c.Old.Any(o => o.Id == v.ParentId)), Sum(communeTeams, c.Old), Sum(households, c.Old), Sum(visits, c.Old),
            Sum(members, c.Old), Sum(accountCommunes, c.Old), Sum(targets, c.Old), Sum(openReports, c.Old))).ToList();
        var province = plan.Province;
        var newProvinceName = plan.NewProvinceName == province.Name ? null : plan.NewProvinceName;
        return new RestructuringPreview(effectiveOn, province.Name, newProvinceName,
            plan.Districts.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => $"{d.Name} ({d.Code})").ToList(),
            plan.OldCommuneByRow.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Name} ({c.Code})").ToList(),
            opened, districtAccounts);
    }

    private static async Task<Dictionary<int, int>> CountByCommuneAsync(IQueryable<int?> communeIds, CancellationToken cancellationToken) =>
        (await communeIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        .Where(g => g.Key is not null).ToDictionary(g => g.Key!.Value, g => g.Count);
}
