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
/// Door-to-door visits (§2.9b): recording one, the only way a skill becomes "guided" (the visit is the evidence of
/// who guided whom, and when), and the village's latest visits for the phone flow. A household outside the reader's
/// scope is not found and a forged id is refused and audited.
/// </summary>
public sealed class HouseholdVisitService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock,
    ILogger<HouseholdVisitService> logger)
{
    /// <summary>At most this many rows in the "recently visited" list of the phone flow.</summary>
    public const int MaxRecent = 50;

    private const int MaxNoteLength = 1000;

    /// <summary>
    /// Records a door-to-door visit: the skills guided (with the visit's date and member), the accounts seen,
    /// and the visit itself; the household's coverage, its last visit and the team's last activity change in the
    /// same save. Idempotent on <see cref="VisitRequest.ClientRequestId"/>: a retried request returns the visit
    /// already stored (<see cref="VisitSaved.AlreadyRecorded"/>) and stores nothing. A household outside the
    /// reader's scope (a forged id) is refused with <see cref="ScopeViolationException"/> and an audited refusal.
    /// </summary>
    /// <param name="request">The visit as the form sends it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<CommandResult<VisitSaved>> LogVisitAsync(VisitRequest request, CancellationToken cancellationToken = default)
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
                return CommandResult<VisitSaved>.Invalid(HouseholdMessages.Busy);
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

    private async Task<CommandResult<VisitSaved>> LogVisitOnceAsync(VisitRequest request, DateOnly today, CancellationToken cancellationToken)
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
        if (!HouseholdService.LogsVisits(db.Actor))
        {
            throw await refusals.RefuseAsync<Household>(request.HouseholdId, HouseholdMessages.NotAVisitor);
        }

        if (request.VisitedOn > today)
        {
            return CommandResult<VisitSaved>.Invalid(HouseholdMessages.FutureVisit);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return CommandResult<VisitSaved>.Invalid(HouseholdMessages.NoteTooLong);
        }

        // The visitor must serve on this household's village team on the day of the visit.
        var member = await HouseholdService.ActiveMembers(db, household.UnitId, request.VisitedOn)
            .Where(m => m.Id == request.MemberId)
            .Select(m => new { m.Id, m.TeamId })
            .FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return CommandResult<VisitSaved>.Invalid(HouseholdMessages.MemberNotInTeam);
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
        return CommandResult<VisitSaved>.Ok(new VisitSaved(visitId, AlreadyRecorded: false, household.Coverage));
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

    private static async Task<CommandResult<VisitSaved>?> FindVisitAsync(CnscdDbContext db, Guid clientRequestId, CancellationToken cancellationToken)
    {
        var visit = await db.HouseholdVisits.AsNoTracking()
            .Where(v => v.ClientRequestId == clientRequestId)
            .Select(v => new { v.Id, Coverage = db.Households.Where(h => h.Id == v.HouseholdId).Select(h => (CoverageStatus?)h.Coverage).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return visit is null ? null : CommandResult<VisitSaved>.Ok(new VisitSaved(visit.Id, AlreadyRecorded: true, visit.Coverage));
    }
}
