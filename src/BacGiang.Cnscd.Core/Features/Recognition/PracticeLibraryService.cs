using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Reading the practice-model register. The library — published and featured models — is shared with every account
/// of the province, whatever its unit (§2.1đ: the Department shares the best models); it is the only read of this
/// register across the scope filter, and it reads only public models. Drafts, submissions and returned models stay
/// inside the submitter's subtree (the submitter and the levels above it), like every other scoped row.
/// </summary>
public sealed class PracticeLibraryService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    private const int ExcerptLength = 220;

    /// <summary>One page of the library: featured first, then the newest published; searched without diacritics.</summary>
    public async Task<PagedResult<PracticeCard>> SearchAsync(PracticeLibraryFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var models = Matching(PublicModels(db), filter.Query);
        if (filter.Skill is { } skill && (skill & DigitalSkills.All) != DigitalSkills.None)
        {
            models = models.Where(m => (m.Skills & skill) != 0);
        }

        if (filter.CommuneId is { } commune)
        {
            models = models.Where(m => m.CommuneId == commune);
        }

        if (filter.DistrictId is { } district)
        {
            models = models.Where(m => m.DistrictId == district);
        }

        if (filter.Year is { } year)
        {
            models = models.Where(m => m.Year == year);
        }

        if (filter.Level is { } level)
        {
            models = models.Where(m => m.SubmitterLevel == level);
        }

        var total = await models.CountAsync(cancellationToken);
        var ordered = models.OrderByDescending(m => m.Status == PracticeStatus.Featured).ThenByDescending(m => m.PublishedAtUtc).ThenByDescending(m => m.Id);
        return new PagedResult<PracticeCard>(await CardsAsync(db, ordered, page, cancellationToken), total);
    }

    /// <summary>
    /// One page of the models of the actor's subtree in any state (the submitter's drafts, what waits for review), newest
    /// first; narrowed by <paramref name="filter"/>.
    /// </summary>
    public async Task<PagedResult<PracticeCard>> ListWorkAsync(PracticeWorkFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var models = Matching(db.PracticeModels.AsNoTracking(), filter.Query);
        if (filter.Status is { } status)
        {
            models = models.Where(m => m.Status == status);
        }

        if (filter.AwaitingMe)
        {
            models = AwaitingStepOf(db, models);
        }

        var total = await models.CountAsync(cancellationToken);
        var ordered = models.OrderByDescending(m => m.LastActedAtUtc).ThenByDescending(m => m.Id);
        return new PagedResult<PracticeCard>(await CardsAsync(db, ordered, page, cancellationToken), total);
    }

    /// <summary>
    /// A model's page: any model of the actor's subtree, and any public model of the province; null otherwise (a
    /// forged id of another unit's unpublished model is refused and audited).
    /// </summary>
    public async Task<PracticeModelDetail?> GetAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.PracticeModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            ?? await PublicModels(db).FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null)
        {
            if (await refusals.ExistsAsync<PracticeModel>(modelId, cancellationToken))
            {
                await refusals.RefuseAsync<PracticeModel>(modelId, PracticeMessages.NotFound);
            }

            return null;
        }

        var units = UnitTree.Everywhere(db);
        var names = await units.Where(u => u.Id == model.UnitId)
            .Select(u => new { u.Name, ParentName = units.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault() })
            .FirstAsync(cancellationToken);
        var lastActedBy = model.LastActedByUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == model.LastActedByUserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        var unit = (await PracticeModelService.PracticeUnitAsync(db, model.UnitId, cancellationToken))!;
        return new PracticeModelDetail(model.Id, model.UnitId, names.Name, names.ParentName, model.SubmitterLevel, model.Title, model.Skills,
            model.Description, model.HouseholdsReached, model.AccountsOpened, model.OtherResults, model.StartedOn, model.EndedOn, model.ContactName,
            model.ContactPhone, model.Status, model.ReviewComment, model.SubmittedAtUtc, model.PublishedAtUtc, lastActedBy, model.LastActedAtUtc,
            model.Version, PracticeRights.Available(db.Actor, unit, model.Status));
    }

    /// <summary>The library's filter choices: today's districts and communes of the province, and the years that have public models.</summary>
    public async Task<PracticeLibraryOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var current = UnitTree.Everywhere(db).Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today));
        var districts = await current.Where(u => u.Level == UnitLevel.District).OrderBy(u => u.Name)
            .Select(u => new PracticeUnitOption(u.Id, u.Name)).ToListAsync(cancellationToken);
        var communes = await current.Where(u => u.Level == UnitLevel.Commune).OrderBy(u => u.Name)
            .Select(u => new PracticeUnitOption(u.Id, u.Name)).ToListAsync(cancellationToken);
        var years = await PublicModels(db).Select(m => m.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        return new PracticeLibraryOptions(districts, communes, years);
    }

    /// <summary>
    /// The published and featured models of every unit: the library is the province's shared register (see the class
    /// comment), so this one read crosses the scope filter — public models only, untracked.
    /// </summary>
    private static IQueryable<PracticeModel> PublicModels(CnscdDbContext db)
    {
#pragma warning disable RS0030 // The library shares published models with every account (§2.1đ); unpublished ones never pass this filter.
        var everywhere = db.PracticeModels.IgnoreQueryFilters();
#pragma warning restore RS0030
        return everywhere.AsNoTracking().Where(m => m.Status == PracticeStatus.Published || m.Status == PracticeStatus.Featured);
    }

    /// <summary>Every word of the query, without diacritics, in the title or the description.</summary>
    private static IQueryable<PracticeModel> Matching(IQueryable<PracticeModel> models, string? query)
    {
        foreach (var word in VietnameseText.ToSearchKey(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8))
        {
            models = models.Where(m => m.SearchText.Contains(word));
        }

        return models;
    }

    /// <summary>The models that wait for this actor's step: what it reviews, and for the Department what it publishes.</summary>
    private static IQueryable<PracticeModel> AwaitingStepOf(CnscdDbContext db, IQueryable<PracticeModel> models)
    {
        var actor = db.Actor;
        var unitId = actor.UnitId;
        return actor.Role switch
        {
            AppRole.CommuneOfficer => models.Where(m => m.Status == PracticeStatus.Submitted && m.SubmitterLevel == UnitLevel.Village && m.CommuneId == unitId),
            AppRole.DistrictOfficer => models.Where(m => m.Status == PracticeStatus.Submitted && m.SubmitterLevel == UnitLevel.Commune && m.DistrictId == unitId),
            // Communes placed directly under the province since the 2025 reform carry no district.
            AppRole.ProvinceAdmin => models.Where(m => m.Status == PracticeStatus.Accepted
                || (m.Status == PracticeStatus.Submitted && (m.SubmitterLevel == UnitLevel.District
                    || (m.SubmitterLevel == UnitLevel.Commune && m.DistrictId == null)))),
            _ => models.Where(m => false),
        };
    }

    private static async Task<List<PracticeCard>> CardsAsync(CnscdDbContext db, IQueryable<PracticeModel> ordered, PageRequest page,
        CancellationToken cancellationToken)
    {
        var units = UnitTree.Everywhere(db);
        var rows = await ordered.Skip(page.Skip).Take(page.Take)
            .Select(m => new
            {
                m.Id, m.Title, m.UnitId, m.SubmitterLevel, m.Skills, m.Year, m.HouseholdsReached, m.AccountsOpened, m.Status, m.PublishedAtUtc,
                Excerpt = m.Description.Substring(0, ExcerptLength + 1),
            })
            .ToListAsync(cancellationToken);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var names = await units.Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, ParentName = units.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault() })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return rows.Select(r => new PracticeCard(r.Id, r.Title, names[r.UnitId].Name, names[r.UnitId].ParentName, r.SubmitterLevel, r.Skills, r.Year,
                r.HouseholdsReached, r.AccountsOpened, r.Status, Shorten(r.Excerpt), r.PublishedAtUtc))
            .ToList();
    }

    private static string Shorten(string text) => text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength).TrimEnd(), "…");
}
