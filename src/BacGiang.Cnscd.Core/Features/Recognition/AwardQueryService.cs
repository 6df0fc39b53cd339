using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// What the awards pages read: the year's nominations of the actor's subtree (with "late" and "awaits my step"), one
/// nomination's page, the choices of the nomination form, the round, the dossier, and a team's honours. Everything is
/// read through the scope filter; a forged id of another unit's nomination is refused and audited once.
/// </summary>
public sealed class AwardQueryService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    /// <summary>
    /// The year's nominations of the actor's subtree, newest step first. A year has at most a few thousand nominations
    /// province-wide, so "awaits my step" is judged in memory on the rights of each row's unit.
    /// </summary>
    public async Task<PagedResult<AwardRow>> ListAsync(AwardListFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AwardNominations.AsNoTracking().Where(n => n.Year == filter.Year);
        if (filter.Status is { } status)
        {
            query = query.Where(n => n.Status == status);
        }

        var rows = await query.OrderByDescending(n => n.LastActedAtUtc).ThenByDescending(n => n.Id)
            .Select(n => new
            {
                n.Id, n.UnitId, n.NomineeName, n.NomineeKind, n.ProposedForm, n.Status, n.DecisionDate, n.DecisionNumber,
            })
            .ToListAsync(cancellationToken);
        var units = await UnitsAsync(db, rows.Select(r => r.UnitId), cancellationToken);
        var pastDeadline = await IsPastDeadlineAsync(db, filter.Year, cancellationToken);
        var all = rows.Select(r =>
            {
                var awaits = AwardRights.Available(db.Actor, units[r.UnitId].Unit, r.Status, r.ProposedForm != AwardForm.ProvincialChairmanCertificate)
                    .Any(a => a != AwardAction.Edit && !(a == AwardAction.Submit && pastDeadline));
                return new AwardRow(r.Id, r.NomineeName, r.NomineeKind, units[r.UnitId].Name, r.ProposedForm, r.Status,
                    IsLate(r.Status, pastDeadline), awaits, r.DecisionDate, r.DecisionNumber);
            })
            .Where(r => !filter.AwaitingMe || r.AwaitsMe)
            .ToList();
        return new PagedResult<AwardRow>(all.Skip(page.Skip).Take(page.Take).ToList(), all.Count);
    }

    /// <summary>A nomination's page; null (and one refusal on record) for an id outside the actor's subtree.</summary>
    public async Task<AwardDetail?> GetAsync(int nominationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var n = await db.AwardNominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == nominationId, cancellationToken);
        if (n is null)
        {
            if (await refusals.ExistsAsync<AwardNomination>(nominationId, cancellationToken))
            {
                await refusals.RefuseAsync<AwardNomination>(nominationId, AwardMessages.NotFound);
            }

            return null;
        }

        var unit = (await UnitsAsync(db, [n.UnitId], cancellationToken))[n.UnitId];
        var model = n.PracticeModelId is { } modelId
            ? await db.PracticeModels.AsNoTracking().Where(m => m.Id == modelId).Select(m => m.Title).FirstOrDefaultAsync(cancellationToken) : null;
        var dossier = n.DossierFileId is { } fileId
            ? await db.Attachments.AsNoTracking().Where(a => a.Id == fileId).Select(a => a.FileName).FirstOrDefaultAsync(cancellationToken) : null;
        var lastActedBy = n.LastActedByUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == n.LastActedByUserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        var nomineeId = n.NomineeTeamId ?? n.NomineeUnitId ?? n.NomineeMemberId ?? 0;
        return new AwardDetail(n.Id, n.Year, n.UnitId, unit.Name, n.NomineeKind, nomineeId, n.NomineeName, n.Achievements, n.PracticeModelId, model,
            n.ProposedForm, n.DossierFileId, dossier, n.Status, n.ReviewComment, n.AppraisalOfficer, n.AppraisedOn, n.AppraisalComment,
            n.DecisionNumber, n.DecisionDate, n.DecisionSigner, n.AwardedOn, lastActedBy, n.LastActedAtUtc,
            IsLate(n.Status, await IsPastDeadlineAsync(db, n.Year, cancellationToken)), n.Version,
            AwardRights.Available(db.Actor, unit.Unit, n.Status, n.IsLocalForm));
    }

    /// <summary>The nomination form's choices for <paramref name="unitId"/>: current teams, units and members of its subtree, its models, and the forms.</summary>
    public async Task<AwardNominationOptions?> OptionsAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await PracticeModelService.PracticeUnitAsync(db, unitId, cancellationToken);
        if (unit is null || !PracticeRights.IsAuthor(db.Actor, unit))
        {
            await refusals.RefuseAtAsync(nameof(AwardNomination), null, unit?.Id, AwardMessages.NotTheNominator, new { unitId });
            return null;
        }

        // The nominator's own scope is its unit's subtree: what the scope filter returns is exactly what it may nominate.
        var teams = await db.Teams.AsNoTracking().Where(t => t.ClosedOn == null).OrderBy(t => t.Name)
            .Select(t => new AwardOption(t.Id, t.Name)).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.ValidTo == null).OrderBy(u => u.Level).ThenBy(u => u.Name)
            .Select(u => new AwardOption(u.Id, u.Name)).ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.EndDate == null).OrderBy(m => m.Person!.FullName)
            .Select(m => new AwardOption(m.Id, m.Person!.FullName + " — " + m.Team!.Name)).ToListAsync(cancellationToken);
        var models = await db.PracticeModels.AsNoTracking().Where(m => m.UnitId == unitId).OrderByDescending(m => m.Id)
            .Select(m => new AwardOption(m.Id, m.Title)).ToListAsync(cancellationToken);
        var forms = new List<AwardForm> { AwardForm.ProvincialChairmanCertificate };
        if (unit.ParentLevel == UnitLevel.District)
        {
            forms.Add(AwardForm.DistrictChairmanCertificate);
        }
        else if (unit.ParentLevel == UnitLevel.Commune)
        {
            forms.Add(AwardForm.CommuneChairmanCertificate);
        }

        return new AwardNominationOptions(teams, units, members, models, forms);
    }

    /// <summary>The round of <paramref name="year"/> (the deadline, if one is open) and every year with a round.</summary>
    public async Task<AwardRoundView> RoundAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rounds = await AwardRounds.Everywhere(db).OrderByDescending(r => r.Year).Select(r => new { r.Year, r.NominationDeadline })
            .ToListAsync(cancellationToken);
        var deadline = rounds.FirstOrDefault(r => r.Year == year)?.NominationDeadline;
        return new AwardRoundView(year, deadline, deadline is { } d && clock.Today > d, rounds.Select(r => r.Year).ToList());
    }

    /// <summary>A nomination's dossier for download; null (and one refusal on record) when the nomination is outside the actor's subtree.</summary>
    public async Task<AttachmentContent?> OpenDossierAsync(int nominationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fileId = await db.AwardNominations.AsNoTracking().Where(n => n.Id == nominationId).Select(n => n.DossierFileId)
            .FirstOrDefaultAsync(cancellationToken);
        if (fileId is null)
        {
            if (await refusals.ExistsAsync<AwardNomination>(nominationId, cancellationToken))
            {
                await refusals.RefuseAsync<AwardNomination>(nominationId, AwardMessages.NotFound, new { dossier = true });
            }

            return null;
        }

        // The dossier is the nominating unit's row, inside the subtree the nomination was read from.
        return await db.Attachments.AsNoTracking().Where(a => a.Id == fileId)
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The decided commendations of a team and of its members, newest first: what the team page shows.</summary>
    public async Task<IReadOnlyList<AwardHonour>> HonoursOfTeamAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var members = db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => (int?)m.Id);
        return await db.AwardNominations.AsNoTracking()
            .Where(n => (n.Status == AwardStatus.Decided || n.Status == AwardStatus.Awarded)
                && (n.NomineeTeamId == teamId || members.Contains(n.NomineeMemberId)))
            .OrderByDescending(n => n.Year).ThenBy(n => n.NomineeName)
            .Select(n => new AwardHonour(n.Year, n.NomineeName, n.NomineeKind, n.ProposedForm, n.DecisionNumber, n.DecisionDate, n.AwardedOn))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Not yet sent after the year's deadline: what the lists flag as late.</summary>
    private static bool IsLate(AwardStatus status, bool pastDeadline) => pastDeadline && status is AwardStatus.Draft or AwardStatus.Returned;

    private async Task<bool> IsPastDeadlineAsync(CnscdDbContext db, int year, CancellationToken cancellationToken) =>
        await AwardRounds.OfYearAsync(db, year, cancellationToken) is { } round && clock.Today > round.NominationDeadline;

    private static async Task<Dictionary<int, (string Name, PracticeRights.PracticeUnit Unit)>> UnitsAsync(CnscdDbContext db, IEnumerable<int> ids,
        CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var units = UnitTree.Everywhere(db);
        var rows = await units.Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Level, u.ParentId, ParentLevel = units.Where(p => p.Id == u.ParentId).Select(p => (UnitLevel?)p.Level).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.Name, new PracticeRights.PracticeUnit(r.Id, r.Level, r.ParentId, r.ParentLevel)));
    }
}
