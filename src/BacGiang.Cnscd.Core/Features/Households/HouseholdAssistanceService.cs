using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// Who helps a household and who visits it: the assistance a household needs (§2.9b) with its helper, and the
/// assignment of households to team members ("my households"). Both are the commune's and the village's work;
/// district and province roles are refused, and a household outside the reader's scope is refused and audited.
/// </summary>
public sealed class HouseholdAssistanceService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
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
    public async Task<CommandResult<AssistanceSaved>> SetAssistanceAsync(int householdId, bool needsAssistance, int? assistantMemberId, int version,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null)
        {
            throw await refusals.RefuseAsync<Household>(householdId, HouseholdMessages.NotFound);
        }

        if (!HouseholdService.LogsVisits(db.Actor))
        {
            throw await refusals.RefuseAsync<Household>(householdId, HouseholdMessages.NotAnAssistanceEditor);
        }

        if (household.Version != version)
        {
            return CommandResult<AssistanceSaved>.Conflicted(new EditConflict(HouseholdMessages.Stale, household.Version));
        }

        var assistant = needsAssistance ? assistantMemberId : null;
        if (assistant is { } id && !await HouseholdService.ActiveMembers(db, household.UnitId, clock.Today).AnyAsync(m => m.Id == id, cancellationToken))
        {
            return CommandResult<AssistanceSaved>.Invalid(HouseholdMessages.AssistantNotInTeam);
        }

        household.SetAssistance(needsAssistance, assistant);
        try
        {
            // The Version read above is the original value, so a change saved in between fails this update.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<AssistanceSaved>.Conflicted(new EditConflict(HouseholdMessages.Stale, null));
        }

        return CommandResult<AssistanceSaved>.Ok(new AssistanceSaved(household.Coverage, household.Version));
    }

    /// <summary>
    /// Assigns the given households to a team member (or clears the assignment when <paramref name="memberId"/>
    /// is null), all or none. The member must be an active member of the team of each household's village. A
    /// household id outside the reader's scope is refused and audited; district and province roles are refused
    /// (assigning visitors is the commune's and the village's work).
    /// </summary>
    public async Task<CommandResult<int>> AssignAsync(IReadOnlyCollection<int> householdIds, int? memberId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(householdIds);
        if (householdIds.Count == 0)
        {
            return CommandResult<int>.Invalid(HouseholdMessages.NothingSelected);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = householdIds.Distinct().ToList();
        var households = await db.Households.Where(h => ids.Contains(h.Id)).ToListAsync(cancellationToken);
        if (households.Count != ids.Count)
        {
            throw await refusals.RefuseAsync<Household>(ids.Except(households.Select(h => h.Id)).First(), HouseholdMessages.NotFound);
        }

        if (!HouseholdService.LogsVisits(db.Actor))
        {
            throw await refusals.RefuseAsync<Household>(ids[0], HouseholdMessages.NotAVisitor);
        }

        if (memberId is { } id)
        {
            var today = clock.Today;
            foreach (var villageId in households.Select(h => h.UnitId).Distinct())
            {
                if (!await HouseholdService.ActiveMembers(db, villageId, today).AnyAsync(m => m.Id == id, cancellationToken))
                {
                    return CommandResult<int>.Invalid(HouseholdMessages.AssigneeNotInTeam);
                }
            }
        }

        foreach (var household in households)
        {
            household.AssignedMemberId = memberId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<int>.Ok(households.Count);
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
            HouseholdService.Missing(h.SkillsGuided, h.HasVneidLevel2, h.HasPublicServiceAccount, h.Coverage))).ToList(), total);
    }
}
