using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// Households, their coverage (rule R3, §2.9b) and door-to-door visits. Everything reads through the
/// scope filter, so a household outside the reader's subtree is simply not found. Coverage changes only
/// through the <see cref="Household"/> methods, and a skill becomes "guided" only through
/// <see cref="LogVisitAsync"/>: the visit is the evidence of who guided whom, and when.
/// </summary>
public sealed class HouseholdService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock,
    ILogger<HouseholdService> logger)
{
    /// <summary>At most this many rows in the "recently visited" list of the phone flow.</summary>
    public const int MaxRecent = 50;

    private const int MaxNoteLength = 1000;

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

    /// <summary>
    /// Records a door-to-door visit: the skills guided (with the visit's date and member), the accounts seen,
    /// and the visit itself; the household's coverage, its last visit and the team's last activity change in the
    /// same save. Idempotent on <see cref="VisitRequest.ClientRequestId"/>: a retried request returns the visit
    /// already stored (<see cref="VisitResult.AlreadyRecorded"/>) and stores nothing. A household outside the
    /// reader's scope (a forged id) is refused with <see cref="ScopeViolationException"/> and an audited refusal.
    /// </summary>
    /// <param name="request">The visit as the form sends it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<VisitResult> LogVisitAsync(VisitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A concurrent visit to the same household changes its Version; the retry then sees the newer state
        // (or, when it was this very request saved from another tab, returns it).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await LogVisitOnceAsync(request, clock.Today, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                logger.LogInformation("Visit save retried after a concurrent update (attempt {Attempt})", attempt + 1);
            }
            catch (DbUpdateConcurrencyException)
            {
                return VisitResult.Fail(HouseholdMessages.Busy);
            }
            catch (DbUpdateException)
            {
                // The unique index on ClientRequestId: the same request was saved between our check and our insert.
                await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
                var stored = await FindVisitAsync(db, request.ClientRequestId, CancellationToken.None);
                if (stored is null)
                {
                    throw;
                }

                return stored;
            }
        }
    }

    private async Task<VisitResult> LogVisitOnceAsync(VisitRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await FindVisitAsync(db, request.ClientRequestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == request.HouseholdId, cancellationToken);
        if (household is null)
        {
            throw await refusals.RefuseAsync<Household>(request.HouseholdId, HouseholdMessages.NotFound);
        }

        // Visits are the work of the commune and the village (roles table): district and province read figures.
        if (!LogsVisits(db.Actor))
        {
            throw await refusals.RefuseAsync<Household>(request.HouseholdId, HouseholdMessages.NotAVisitor);
        }

        if (request.VisitedOn > today)
        {
            return VisitResult.Fail(HouseholdMessages.FutureVisit);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return VisitResult.Fail(HouseholdMessages.NoteTooLong);
        }

        // The visitor must serve on this household's village team on the day of the visit.
        var member = await ActiveMembers(db, household.UnitId, request.VisitedOn)
            .Where(m => m.Id == request.MemberId)
            .Select(m => new { m.Id, m.TeamId })
            .FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return VisitResult.Fail(HouseholdMessages.MemberNotInTeam);
        }

        var skills = request.Skills & DigitalSkills.All;
        db.HouseholdVisits.Add(new HouseholdVisit
        {
            UnitId = household.UnitId, HouseholdId = household.Id, VisitedOn = request.VisitedOn, MemberId = member.Id,
            SkillsGuided = skills, HasVneidLevel2 = request.HasVneidLevel2, HasPublicServiceAccount = request.HasPublicServiceAccount,
            Outcome = request.Outcome, Note = note, ClientRequestId = request.ClientRequestId, CreatedAtUtc = clock.UtcNow,
        });

        if (skills != DigitalSkills.None)
        {
            household.RecordGuidance(skills, request.VisitedOn, member.Id);
        }

        // A visit typed in late (kept on a phone for days) must not overwrite what a newer visit saw.
        if (household.LastVisitedOn is null || household.LastVisitedOn <= request.VisitedOn)
        {
            household.SetAccounts(request.HasVneidLevel2, request.HasPublicServiceAccount);
            household.LastVisitedOn = request.VisitedOn;
        }

        var team = await db.Teams.FirstAsync(t => t.Id == member.TeamId, cancellationToken);
        if (team.LastActivityOn is null || team.LastActivityOn < request.VisitedOn)
        {
            team.LastActivityOn = request.VisitedOn;
        }

        await db.SaveChangesAsync(cancellationToken);
        var visitId = await db.HouseholdVisits.Where(v => v.ClientRequestId == request.ClientRequestId).Select(v => v.Id).FirstAsync(cancellationToken);
        return VisitResult.Saved(visitId, alreadyRecorded: false, household.Coverage);
    }

    /// <summary>The latest visits of a village, newest first, for the phone flow's "recently visited" list.</summary>
    /// <param name="villageId">A village of the reader's scope; another unit lists nothing.</param>
    /// <param name="take">How many (1 to <see cref="MaxRecent"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<RecentVisitRow>> RecentlyVisitedAsync(int villageId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.HouseholdVisits.AsNoTracking()
            .Where(v => v.VillageId == villageId)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id)
            .Take(Math.Clamp(take, 1, MaxRecent))
            .Join(db.Households, v => v.HouseholdId, h => h.Id,
                (v, h) => new RecentVisitRow(v.Id, h.Id, h.HeadName, h.Address, v.VisitedOn, v.SkillsGuided))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Memberships active on a date in the team of a village (the team's unit is the village).</summary>
    private static IQueryable<TeamMember> ActiveMembers(CnscdDbContext db, int villageId, DateOnly on) =>
        db.TeamMembers.Where(m => m.StartDate <= on && (m.EndDate == null || m.EndDate >= on)
            && db.Teams.Any(t => t.Id == m.TeamId && t.UnitId == villageId));

    private static async Task<VisitResult?> FindVisitAsync(CnscdDbContext db, Guid clientRequestId, CancellationToken cancellationToken)
    {
        var visit = await db.HouseholdVisits.AsNoTracking()
            .Where(v => v.ClientRequestId == clientRequestId)
            .Select(v => new { v.Id, Coverage = db.Households.Where(h => h.Id == v.HouseholdId).Select(h => (CoverageStatus?)h.Coverage).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return visit is null ? null : VisitResult.Saved(visit.Id, alreadyRecorded: true, visit.Coverage);
    }

    /// <summary>
    /// Records whether a household needs assistance (§2.9b: nobody in it can manage the skills alone) and which
    /// active member of its village team helps it; the coverage rule runs again in the same save. Turning the need
    /// off clears the assistant. <paramref name="version"/> is the one the editor read: a household changed since
    /// (another edit, a visit) is not overwritten and the result says so. A household outside the reader's scope
    /// is refused with <see cref="ScopeViolationException"/> and audited; district and province roles are refused.
    /// </summary>
    /// <param name="householdId">The household.</param>
    /// <param name="needsAssistance">Whether the household needs a helper.</param>
    /// <param name="assistantMemberId">The helping member (ignored when no assistance is needed).</param>
    /// <param name="version">The household's <see cref="Household.Version"/> as the editor read it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<AssistanceResult> SetAssistanceAsync(int householdId, bool needsAssistance, int? assistantMemberId, int version,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null)
        {
            throw await refusals.RefuseAsync<Household>(householdId, HouseholdMessages.NotFound);
        }

        if (!LogsVisits(db.Actor))
        {
            throw await refusals.RefuseAsync<Household>(householdId, HouseholdMessages.NotAnAssistanceEditor);
        }

        if (household.Version != version)
        {
            return AssistanceResult.Fail(HouseholdMessages.Stale);
        }

        var assistant = needsAssistance ? assistantMemberId : null;
        if (assistant is { } id && !await ActiveMembers(db, household.UnitId, clock.Today).AnyAsync(m => m.Id == id, cancellationToken))
        {
            return AssistanceResult.Fail(HouseholdMessages.AssistantNotInTeam);
        }

        household.SetAssistance(needsAssistance, assistant);
        try
        {
            // The Version read above is the original value, so a change saved in between fails this update.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AssistanceResult.Fail(HouseholdMessages.Stale);
        }

        return AssistanceResult.Ok(household.Coverage, household.Version);
    }

    /// <summary>
    /// Assigns the given households to a team member (or clears the assignment when <paramref name="memberId"/>
    /// is null), all or none. The member must be an active member of the team of each household's village. A
    /// household id outside the reader's scope is refused and audited; district and province roles are refused
    /// (assigning visitors is the commune's and the village's work).
    /// </summary>
    public async Task<AssignmentResult> AssignAsync(IReadOnlyCollection<int> householdIds, int? memberId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(householdIds);
        if (householdIds.Count == 0)
        {
            return AssignmentResult.Fail(HouseholdMessages.NothingSelected);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = householdIds.Distinct().ToList();
        var households = await db.Households.Where(h => ids.Contains(h.Id)).ToListAsync(cancellationToken);
        if (households.Count != ids.Count)
        {
            throw await refusals.RefuseAsync<Household>(ids.Except(households.Select(h => h.Id)).First(), HouseholdMessages.NotFound);
        }

        if (!LogsVisits(db.Actor))
        {
            throw await refusals.RefuseAsync<Household>(ids[0], HouseholdMessages.NotAVisitor);
        }

        if (memberId is { } id)
        {
            var today = clock.Today;
            foreach (var villageId in households.Select(h => h.UnitId).Distinct())
            {
                if (!await ActiveMembers(db, villageId, today).AnyAsync(m => m.Id == id, cancellationToken))
                {
                    return AssignmentResult.Fail(HouseholdMessages.AssigneeNotInTeam);
                }
            }
        }

        foreach (var household in households)
        {
            household.AssignedMemberId = memberId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return AssignmentResult.Ok(households.Count);
    }

    /// <summary>
    /// One page of the households assigned to a team member ("my households"), each with what it still lacks:
    /// the skills not yet guided, the VNeID account, the online-public-services account. Covered households
    /// come last.
    /// </summary>
    public async Task<PagedResult<AssignedHouseholdRow>> AssignedToAsync(int memberId, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Households.AsNoTracking().Where(h => h.AssignedMemberId == memberId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(h => h.Coverage == CoverageStatus.NotCovered ? 0 : 1).ThenBy(h => h.SearchKey)
            .Skip(page.Skip).Take(page.Take)
            .Select(h => new { h.Id, h.HeadName, h.Address, h.LastVisitedOn, h.SkillsGuided, h.HasVneidLevel2, h.HasPublicServiceAccount, h.Coverage })
            .ToListAsync(cancellationToken);
        return new PagedResult<AssignedHouseholdRow>(rows.Select(h => new AssignedHouseholdRow(h.Id, h.HeadName, h.Address, h.LastVisitedOn,
            Missing(h.SkillsGuided, h.HasVneidLevel2, h.HasPublicServiceAccount, h.Coverage))).ToList(), total);
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

    /// <summary>Today's date in Vietnam (UTC+7): a visit at 06:30 on the 5th is on the 5th, not the 4th.</summary>

    private sealed record ScopedRef(int? UnitId, int? DistrictId, int? CommuneId, int? VillageId) : IUnitScoped
    {
        public int? DistrictId { get; set; } = DistrictId;

        public int? CommuneId { get; set; } = CommuneId;

        public int? VillageId { get; set; } = VillageId;
    }
}
