using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// The household register (rule R3, §2.9b): one page of a village's or commune's households, and one household with
/// its skills, accounts and assistance. Everything reads through the scope filter, so a household outside the
/// reader's subtree is simply not found. Coverage changes only through the <see cref="Household"/> methods: a skill
/// becomes "guided" only through <see cref="HouseholdVisitService.LogVisitAsync"/> (the visit is the evidence of who
/// guided whom, and when), and assistance and assignment are <see cref="HouseholdAssistanceService"/>'s.
/// </summary>
public sealed class HouseholdService(IDbContextFactory<CnscdDbContext> contextFactory, VietnamClock clock)
{
    /// <summary>
    /// One page of the households of a village or a commune, ordered by <see cref="Household.SearchKey"/>
    /// (head name, then address, without diacritics), with the filter chips applied.
    /// </summary>
    /// <remarks>
    /// <para><paramref name="search"/> is normalised like the stored key (case, diacritics, composed or decomposed
    /// input) and matched as a PREFIX of the key with a range, <c>SearchKey &gt;= key AND SearchKey &lt; next(key)</c>,
    /// which is a seek on the (VillageId, SearchKey) or (CommuneId, SearchKey) index rather than a function over
    /// every row. "nguyen van duc" finds "Nguyễn Văn Đức".</para>
    /// <para>Only when no key starts with the text does the search look for it at the start of any later word of
    /// the key (a given name, or an address word such as "xom 3"). That fallback is a LIKE '% word%' that cannot
    /// seek, but it stays inside the unit's slice of the same index (a village holds hundreds of households, a
    /// commune a few thousand), never the whole table; and the usual search — the head's name as people say
    /// it — never pays for it. See docs/decisions/006-household-search-and-visits.md.</para>
    /// </remarks>
    /// <param name="villageOrCommuneId">A village or commune of the reader's scope; anything else lists nothing.</param>
    /// <param name="filter">The filter chips.</param>
    /// <param name="search">Text typed by the reader, with or without diacritics.</param>
    /// <param name="page">The page to fetch.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<PagedResult<HouseholdRow>> RegisterAsync(int villageOrCommuneId, HouseholdFilter filter, string? search, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var level = await db.Units.AsNoTracking().Where(u => u.Id == villageOrCommuneId)
            .Select(u => (UnitLevel?)u.Level).FirstOrDefaultAsync(cancellationToken);
        IQueryable<Household> households = level switch
        {
            UnitLevel.Village => db.Households.AsNoTracking().Where(h => h.VillageId == villageOrCommuneId),
            UnitLevel.Commune => db.Households.AsNoTracking().Where(h => h.CommuneId == villageOrCommuneId),
            _ => db.Households.AsNoTracking().Where(_ => false),
        };

        households = HouseholdQueries.ApplyFilter(households, filter, clock.Today);
        households = await HouseholdQueries.ApplySearchAsync(households, search, cancellationToken);

        var total = await households.CountAsync(cancellationToken);
        var rows = await households
            .OrderBy(h => h.SearchKey).ThenBy(h => h.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(h => new
            {
                h.Id, h.HeadName, h.Address, h.Phone, h.DistrictId, h.CommuneId, h.VillageId, h.UnitId, h.Coverage, h.SkillsGuided,
                h.HasVneidLevel2, h.HasPublicServiceAccount, h.NeedsAssistance, h.LastVisitedOn,
                AssistantName = db.TeamMembers.Where(m => m.Id == h.AssistantMemberId).Select(m => m.Person!.FullName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var actor = db.Actor;
        return new PagedResult<HouseholdRow>(rows.Select(h => new HouseholdRow(h.Id, h.HeadName, h.Address,
                PersonalDataPolicy.Phone(actor, new ScopedRef(h.UnitId, h.DistrictId, h.CommuneId, h.VillageId), h.Phone),
                h.Coverage, h.SkillsGuided.Count(), h.HasVneidLevel2, h.HasPublicServiceAccount, h.NeedsAssistance, h.AssistantName,
                h.LastVisitedOn)).ToList(),
            total);
    }

    /// <summary>
    /// A household with its 5 skills (date and member), accounts and assistance, and the active members of its
    /// village team; null when it does not exist or lies outside the reader's scope.
    /// </summary>
    /// <param name="householdId">The household.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<HouseholdDetail?> GetAsync(int householdId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null)
        {
            return null;
        }

        var on = clock.Today;
        var villageName = await db.Units.Where(u => u.Id == household.UnitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var members = await ActiveMembers(db, household.UnitId, on)
            .OrderByDescending(m => m.Position).ThenBy(m => m.Person!.FullNameSearch)
            .Select(m => new TeamMemberOption(m.Id, m.Person!.FullName, m.Position))
            .ToListAsync(cancellationToken);
        var memberIds = household.Skills.Select(s => s.GuidedByMemberId).Append(household.AssistantMemberId)
            .OfType<int>().Distinct().ToList();
        // Former members keep their name on the skills they guided, so names are read for any membership id.
        var names = memberIds.Count == 0
            ? []
            : await db.TeamMembers.Where(m => memberIds.Contains(m.Id))
                .Select(m => new { m.Id, m.Person!.FullName }).ToDictionaryAsync(m => m.Id, m => m.FullName, cancellationToken);
        var skills = household.Skills
            .OrderBy(s => DigitalSkillLabels.Each.ToList().IndexOf(s.Skill))
            .Select(s => new HouseholdSkillRow(s.Skill, s.GuidedOn, s.GuidedByMemberId,
                s.GuidedByMemberId is { } id ? names.GetValueOrDefault(id) : null))
            .ToList();
        return new HouseholdDetail(household.Id, household.UnitId, villageName, household.HeadName, household.Address,
            PersonalDataPolicy.Phone(db.Actor, household, household.Phone), household.Size, household.Coverage, household.SkillsGuided,
            skills, household.HasVneidLevel2, household.HasPublicServiceAccount, household.NeedsAssistance, household.AssistantMemberId,
            household.AssistantMemberId is { } a ? names.GetValueOrDefault(a) : null, household.LastVisitedOn, members, household.Version);
    }

    /// <summary>What a household still lacks, in Vietnamese; empty once it is covered.</summary>
    public static IReadOnlyList<string> Missing(DigitalSkills skills, bool vneid, bool publicServices, CoverageStatus coverage)
    {
        if (coverage.IsCovered())
        {
            return [];
        }

        var missing = DigitalSkillLabels.Each.Where(s => !skills.HasFlag(s)).Select(s => s.ToVietnamese()).ToList();
        if (!vneid)
        {
            missing.Add("Tài khoản VNeID mức 2");
        }

        if (!publicServices)
        {
            missing.Add("Tài khoản dịch vụ công trực tuyến");
        }

        return missing;
    }

    /// <summary>Whether the actor logs visits: commune and village accounts (and system work such as imports).</summary>
    public static bool LogsVisits(Actor actor) =>
        actor.Scope.IsUnrestricted || (!actor.Scope.IsNothing && (actor.Scope.CommuneId is not null || actor.Scope.VillageId is not null));

    /// <summary>Memberships active on a date in the team of a village (the team's unit is the village).</summary>
    internal static IQueryable<TeamMember> ActiveMembers(CnscdDbContext db, int villageId, DateOnly on) =>
        db.TeamMembers.Where(m => m.StartDate <= on && (m.EndDate == null || m.EndDate >= on)
            && db.Teams.Any(t => t.Id == m.TeamId && t.UnitId == villageId));

    private sealed record ScopedRef(int? UnitId, int? DistrictId, int? CommuneId, int? VillageId) : IUnitScoped
    {
        public int? DistrictId { get; set; } = DistrictId;

        public int? CommuneId { get; set; } = CommuneId;

        public int? VillageId { get; set; } = VillageId;
    }
}
