using BacGiang.Cnscd.Core.Time;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Households.Import;

/// <summary>
/// Commune officers and village leaders fill the household register from an Excel sheet: the template lists the
/// villages they may fill; an import checks every row first and then adds all households in one transaction, or
/// none. Households are written as EF entities through <c>SaveChangesAsync</c> (never a raw bulk insert), so every
/// save interceptor — the scope guard, and anything that keeps counts from household changes — sees them.
/// </summary>
public sealed class HouseholdImport(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock,
    ILogger<HouseholdImport> logger)
{
    /// <summary>The largest file accepted (20 MB): 20,000 rows of the template take about 1 MB.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The most household rows one import may hold (a large commune).</summary>
    public const int MaxRows = 20_000;

    /// <summary>At most this many row errors are listed; the rest are counted in one more line.</summary>
    public static readonly int MaxListedErrors = UploadLimits.Default.MaxListedErrors;

    /// <summary>The template's download name: ASCII only, so no browser or proxy mangles it.</summary>
    public const string TemplateFileName = "mau-so-ho-gia-dinh.xlsx";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Households are saved this many at a time inside the one transaction: the change tracker stays small and
    // the page's progress bar moves.
    private const int SaveChunk = 1000;

    /// <summary>Whether the actor may import households: commune and village accounts (and system work).</summary>
    public static bool CanImport(Actor actor) => HouseholdService.LogsVisits(actor);

    /// <summary>
    /// The template workbook (.xlsx): a header row and one example row on the "Hộ gia đình" sheet, and the
    /// villages the signed-in account may fill on a second sheet. Refused (<see cref="ScopeViolationException"/>,
    /// audited) for district and province accounts.
    /// </summary>
    public async Task<byte[]> CreateTemplateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireImporterAsync(db);
        var on = clock.Today;
        // The scope filter limits the list to the account's own villages.
        var villages = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Village)
            .Where(u => u.ValidFrom <= on && (u.ValidTo == null || u.ValidTo >= on))
            .OrderBy(u => u.Code)
            .Select(u => new ImportVillage(u.Code, u.Name))
            .ToListAsync(cancellationToken);
        return HouseholdSheet.CreateTemplate(villages);
    }

    /// <summary>
    /// Adds one household per non-blank row of <paramref name="xlsx"/>. Every row is checked first (village code
    /// known and inside the importer's scope, head name and address present, birth date, phone, size and yes/no
    /// cells well-formed, no duplicate within the file or against the village's register); if any row fails,
    /// nothing is saved and the result lists each problem with its Excel row number. Otherwise all households
    /// are added in one transaction with one <see cref="AuditActions.Import"/> audit row (not one per household).
    /// <paramref name="progress"/> receives a percentage. Refused (<see cref="ScopeViolationException"/>, audited)
    /// for district and province accounts; a row naming a village outside the importer's scope is a row error and
    /// the attempt leaves one <see cref="AuditActions.Refused"/> row.
    /// </summary>
    public async Task<HouseholdImportResult> ImportAsync(Stream xlsx, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RequireImporterAsync(db);
        var on = clock.Today;

        await using var content = await UploadBuffer.ReadLimitedAsync(xlsx, MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return HouseholdImportResult.Fail(0, HouseholdImportMessages.TooLarge);
        }

        progress?.Report(2);
        var sheet = HouseholdSheet.Read(content, MaxRows, on, read => progress?.Report(Math.Min(30, 2 + (28 * read / MaxRows))), cancellationToken);
        if (sheet.Errors.Count > 0)
        {
            return HouseholdImportResult.Fail(sheet.Errors);
        }

        if (sheet.Rows.Count == 0)
        {
            return HouseholdImportResult.Fail(0, HouseholdImportMessages.Empty);
        }

        progress?.Report(30);
        var (accepted, errors) = await ValidateAsync(db, sheet.Rows, cancellationToken);
        if (errors.Count > 0)
        {
            return HouseholdImportResult.Fail(Listed(errors));
        }

        progress?.Report(40);
        await SaveAllAsync(db, accepted, progress, cancellationToken);
        progress?.Report(100);
        logger.LogInformation("{Count} households imported by {ActorId}", accepted.Count, db.Actor.UserId);
        return HouseholdImportResult.Ok(accepted.Count);
    }

    private async Task RequireImporterAsync(CnscdDbContext db)
    {
        if (!CanImport(db.Actor))
        {
            throw await refusals.RefuseAtAsync(nameof(Household), null, db.Actor.UnitId, HouseholdImportMessages.NotAnImporter);
        }
    }

    /// <summary>Checks every row against the villages and the register, collecting every problem, and builds the households.</summary>
    private async Task<(List<Household> Accepted, List<ImportRowError> Errors)> ValidateAsync(CnscdDbContext db,
        IReadOnlyList<HouseholdSheetRow> rows, CancellationToken cancellationToken)
    {
        var villages = await LoadVillagesAsync(db, rows, cancellationToken);
        var scope = db.Actor.Scope;
        var inScope = villages.Values.Where(v => scope.IsUnrestricted || scope.Covers(v.DistrictId, v.CommuneId, v.VillageId))
            .Select(v => v.Id).ToList();
        var registered = await LoadRegisteredKeysAsync(db, inScope, cancellationToken);

        var accepted = new List<Household>(rows.Count);
        var errors = new List<ImportRowError>();
        var firstRowOf = new Dictionary<(int, string), int>();
        var foreign = new List<(string Code, int UnitId)>();
        var now = clock.UtcNow;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowErrors = new List<string>(row.Errors);
            VillageFacts? village = null;
            if (row.VillageCode.Length > 0)
            {
                if (!villages.TryGetValue(row.VillageCode, out village))
                {
                    rowErrors.Add(HouseholdImportMessages.UnknownVillage(ImportText.Echo(row.VillageCode)));
                }
                else if (!scope.IsUnrestricted && !scope.Covers(village.DistrictId, village.CommuneId, village.VillageId))
                {
                    rowErrors.Add(HouseholdImportMessages.OutsideScope(row.VillageCode));
                    foreign.Add((row.VillageCode, village.Id));
                    village = null;
                }
            }

            var searchKey = VietnameseText.ToSearchKey(row.HeadName + " " + row.Address);
            if (village is not null && row.HeadName.Length > 0 && row.Address.Length > 0)
            {
                if (firstRowOf.TryGetValue((village.Id, searchKey), out var first))
                {
                    rowErrors.Add(HouseholdImportMessages.DuplicateOf(first));
                }
                else if (registered.Contains((village.Id, searchKey)))
                {
                    rowErrors.Add(HouseholdImportMessages.InRegister);
                }

                firstRowOf.TryAdd((village.Id, searchKey), row.Row);
            }

            errors.AddRange(rowErrors.Distinct().Select(message => new ImportRowError(row.Row, message)));
            if (rowErrors.Count == 0 && village is not null)
            {
                var household = new Household
                {
                    UnitId = village.Id, HeadName = row.HeadName, Address = row.Address, SearchKey = searchKey,
                    HeadBirthYear = row.BirthYear, Phone = row.Phone, Size = row.Size, CreatedAtUtc = now,
                };
                household.SetAccounts(row.HasVneidLevel2, row.HasPublicServiceAccount);
                household.SetAssistance(row.NeedsAssistance, null);
                accepted.Add(household);
            }
        }

        if (foreign.Count > 0)
        {
            // One refusal row for the attempt, not one per row: it is one act by one person.
            var codes = string.Join(", ", foreign.Select(f => f.Code).Distinct());
            await refusals.RefuseAtAsync(nameof(Household), null, foreign[0].UnitId, $"Nhập hộ gia đình vào thôn ngoài phạm vi: {codes}.");
        }

        return (accepted, errors);
    }

    /// <summary>
    /// The villages the rows name, by code, across scopes: "not yours" must be told apart from "no such village",
    /// and the scope decides which. A code reused after a merger means its most recent unit.
    /// </summary>
    private static async Task<Dictionary<string, VillageFacts>> LoadVillagesAsync(CnscdDbContext db, IReadOnlyList<HouseholdSheetRow> rows,
        CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.VillageCode).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var units = new List<(string Code, DateOnly ValidFrom, VillageFacts Facts)>();
        // In slices: a parameter list of thousands of codes is slow to bind on SQLite (decision 003).
        foreach (var slice in codes.Chunk(200))
        {
            var found = await UnitTree.Everywhere(db)
                .Where(u => u.Level == UnitLevel.Village && slice.Contains(u.Code))
                .Select(u => new { u.Code, u.ValidFrom, u.Id, u.DistrictId, u.CommuneId, u.VillageId })
                .ToListAsync(cancellationToken);
            units.AddRange(found.Select(u => (u.Code, u.ValidFrom, new VillageFacts(u.Id, u.DistrictId, u.CommuneId, u.VillageId))));
        }

        return units.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.ValidFrom).First().Facts, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The search keys already in the register of the given villages (through the scope filter).</summary>
    private static async Task<HashSet<(int VillageId, string Key)>> LoadRegisteredKeysAsync(CnscdDbContext db, List<int> villageIds,
        CancellationToken cancellationToken)
    {
        var keys = new HashSet<(int, string)>();
        foreach (var slice in villageIds.Chunk(200))
        {
            var found = await db.Households.AsNoTracking().Where(h => slice.Contains(h.UnitId))
                .Select(h => new { h.UnitId, h.SearchKey }).ToListAsync(cancellationToken);
            keys.UnionWith(found.Select(h => (h.UnitId, h.SearchKey)));
        }

        return keys;
    }

    /// <summary>
    /// Adds every household inside one transaction, a chunk per save, then the one audit row; an exception before
    /// the commit (a failed save, a cancelled request) rolls every household back.
    /// </summary>
    private static async Task SaveAllAsync(CnscdDbContext db, List<Household> households, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        // The audit interceptor would write one Create row per household (its full JSON): 10,000 extra rows that
        // double the import's writes and bury the log. The import is one act, audited once below with its count.
        db.InsertsAuditedInSummary.Add(typeof(Household));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < households.Count; i += SaveChunk)
        {
            var chunk = households.Skip(i).Take(SaveChunk).ToList();
            db.Households.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(40 + (59 * Math.Min(households.Count, i + SaveChunk) / households.Count));
        }

        var villages = households.Select(h => h.UnitId).Distinct().Count();
        var details = JsonSerializer.Serialize(new { count = households.Count, villages }, AuditJson.Options);
        await AuditLog.RecordAsync(db, AuditActions.Import, nameof(Household), null, db.Actor.UnitId, details, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IReadOnlyList<ImportRowError> Listed(List<ImportRowError> errors) =>
        ImportErrors.Listed(errors.OrderBy(e => e.Row).ToList(), MaxListedErrors);

    private sealed record VillageFacts(int Id, int? DistrictId, int? CommuneId, int? VillageId);
}
