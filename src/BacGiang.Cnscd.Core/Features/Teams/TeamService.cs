using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// Teams (Tổ CNSCĐ, §1.1, §2.11): a team with its roster on a date, the R1 checklist, the R5 and R2
/// flags and its contact points; the district and province list. Every read goes through the scope
/// filter, so another unit's team is simply not found; phones go through <see cref="PersonalDataPolicy"/>.
/// </summary>
public sealed class TeamService(
    IDbContextFactory<CnscdDbContext> contextFactory, IActorAccessor actorAccessor, IOptions<TeamOptions> options, AccessRefusals refusals,
    VietnamClock clock)
{
    public const string ConflictMessage = "Tổ đã được người khác cập nhật; hãy tải lại để xem thay đổi.";

    public const string NotFoundMessage = "Không tìm thấy tổ, hoặc tổ không thuộc phạm vi của tài khoản.";

    public const string RoleMessage = "Vai trò của tài khoản chỉ được xem, không được sửa thông tin tổ.";

    public const string ZaloMessage = "Đường dẫn nhóm Zalo phải có dạng https://zalo.me/…";

    public const string HotlineMessage =
        "Số đường dây nóng không hợp lệ: nhập số điện thoại Việt Nam (10–11 chữ số, bắt đầu bằng 0) hoặc số 1800/1900.";

    private int InactiveAfterDays => Math.Max(1, options.Value.InactiveAfterDays);

    /// <summary>
    /// The team of a commune or village with its roster and R1 checklist today (Vietnam time), its R5 governance and
    /// R2 activity flags. Null when the unit has no team or the team lies outside the reader's scope.
    /// </summary>
    public Task<TeamDetail?> GetTeamAsync(int unitId, CancellationToken cancellationToken = default) =>
        GetTeamOnAsync(unitId, clock.Today, cancellationToken);

    /// <summary>
    /// The same as <see cref="GetTeamAsync(int, CancellationToken)"/> with the roster and R1 checklist as they stood on
    /// <paramref name="day"/> (the team page's "on date" view of an earlier roster).
    /// </summary>
    public async Task<TeamDetail?> GetTeamOnAsync(int unitId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.UnitId == unitId)
            .Select(t => new
            {
                t.Id, t.UnitId, t.Name, t.Level, t.ZaloGroupUrl, t.Hotline, t.RegulationNumber, t.RegulationIssuedOn,
                t.LastActivityOn, t.CreatedAtUtc, t.Version,
                UnitName = db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return null;
        }

        var memberships = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == team.Id && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day))
            .Select(m => new { m.Id, m.Position, m.Title, m.Affiliation, m.StartDate, m.EndDate, m.TaskAssignment, Person = m.Person! })
            .ToListAsync(cancellationToken);

        var actor = actorAccessor.Current;
        var members = memberships
            .OrderByDescending(m => m.Position).ThenBy(m => m.Title == OfficialTitle.None).ThenBy(m => m.Person.FullName, StringComparer.CurrentCulture)
            .Select(m => new TeamMemberRow(
                m.Id, m.Person.FullName, m.Position, m.Position.ToVietnamese(), m.Title,
                m.Title == OfficialTitle.None ? "" : m.Title.ToVietnamese(), m.Affiliation.ToVietnamese(),
                PersonalDataPolicy.Phone(actor, m.Person, m.Person.Phone), PersonalDataPolicy.Phone(actor, m.Person, m.Person.Zalo),
                PersonalDataPolicy.ManagesPeopleOf(actor, m.Person), m.StartDate, m.EndDate, !string.IsNullOrWhiteSpace(m.TaskAssignment), m.TaskAssignment))
            .ToList();

        var checklist = Checklist(team.Level, memberships.Select(m => new TeamCompositionRule.Holder(m.Position, m.Title)));
        var hasPlan = await db.AnnualPlans.AnyAsync(p => p.TeamId == team.Id && p.Year == day.Year, cancellationToken);
        var governance = new TeamGovernance(team.RegulationNumber, team.RegulationIssuedOn,
            memberships.Count(m => string.IsNullOrWhiteSpace(m.TaskAssignment)), day.Year, hasPlan);

        // R2 is about now, whatever date the roster is read on: the team's last activity is one value, not a history.
        var cutoff = clock.Today.AddDays(-InactiveAfterDays);
        var inactive = team.LastActivityOn is { } last ? last < cutoff : team.CreatedAtUtc < VietnamClock.StartOfDayUtc(cutoff);
        return new TeamDetail(team.Id, team.UnitId, team.UnitName ?? "", team.Name, team.Level, day, members, checklist, governance,
            team.LastActivityOn, inactive, InactiveAfterDays, team.ZaloGroupUrl, team.Hotline, team.Version);
    }

    /// <summary>
    /// One page of the teams in the reader's scope, filtered and sorted in SQL. "Not constituted" reads the
    /// stored R1 result (kept current by <see cref="RecomputeConstitutedAsync"/>); governance and inactivity
    /// are computed from today's roster, this year's plans and the last activity date.
    /// </summary>
    public async Task<PagedResult<TeamListRow>> ListTeamsAsync(TeamListFilter filter, PageRequest page, TeamSort sort,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var year = today.Year;
        var cutoff = today.AddDays(-InactiveAfterDays);
        var cutoffUtc = VietnamClock.StartOfDayUtc(cutoff);

        // A team closed by a restructuring keeps its history but is no longer on the list.
        var teams = db.Teams.AsNoTracking().Where(t => t.ClosedOn == null || t.ClosedOn >= today);
        if (filter.DistrictId is { } districtId)
        {
            teams = teams.Where(t => t.DistrictId == districtId);
        }

        if (filter.CommuneId is { } communeId)
        {
            teams = teams.Where(t => t.CommuneId == communeId);
        }

        if (filter.NotConstitutedOnly)
        {
            teams = teams.Where(t => !t.IsConstituted);
        }

        var rows = teams.Select(t => new
        {
            t.Id, t.UnitId, t.Name, t.Level, t.IsConstituted, t.LastActivityOn,
            UnitName = db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Name).FirstOrDefault(),
            Members = db.TeamMembers.Count(m => m.TeamId == t.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)),
            HasRegulation = t.RegulationNumber != null && t.RegulationNumber != "" && t.RegulationIssuedOn != null,
            SomeoneWithoutTask = db.TeamMembers.Any(m => m.TeamId == t.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)
                && (m.TaskAssignment == null || m.TaskAssignment.Trim() == "")),
            HasPlan = db.AnnualPlans.Any(p => p.TeamId == t.Id && p.Year == year),
            Inactive = t.LastActivityOn != null ? t.LastActivityOn < cutoff : t.CreatedAtUtc < cutoffUtc,
        });
        if (filter.GovernanceMissingOnly)
        {
            rows = rows.Where(r => !r.HasRegulation || r.SomeoneWithoutTask || !r.HasPlan);
        }

        if (filter.InactiveOnly)
        {
            rows = rows.Where(r => r.Inactive);
        }

        var total = await rows.CountAsync(cancellationToken);
        var ordered = (sort.Field, sort.Descending) switch
        {
            (TeamSortField.Unit, false) => rows.OrderBy(r => r.UnitName),
            (TeamSortField.Unit, true) => rows.OrderByDescending(r => r.UnitName),
            (TeamSortField.Members, false) => rows.OrderBy(r => r.Members),
            (TeamSortField.Members, true) => rows.OrderByDescending(r => r.Members),
            // Never-active teams are the most urgent: they come first ascending, last descending, on both engines.
            (TeamSortField.LastActivity, false) => rows.OrderBy(r => r.LastActivityOn != null).ThenBy(r => r.LastActivityOn),
            (TeamSortField.LastActivity, true) => rows.OrderBy(r => r.LastActivityOn == null).ThenByDescending(r => r.LastActivityOn),
            (_, false) => rows.OrderBy(r => r.Name),
            (_, true) => rows.OrderByDescending(r => r.Name),
        };
        var items = await ordered.ThenBy(r => r.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<TeamListRow>(
            items.Select(r => new TeamListRow(r.Id, r.UnitId, r.Name, r.UnitName ?? "", r.Level, r.Members, r.IsConstituted,
                r.HasRegulation && !r.SomeoneWithoutTask && r.HasPlan, r.LastActivityOn, r.Inactive)).ToList(),
            total);
    }

    /// <summary>
    /// Changes the team's Zalo group link and hotline (§1.5) if nobody saved the team since
    /// <paramref name="expectedVersion"/>; otherwise nothing is written and the caller is told to reload.
    /// Empty values clear a contact point. The hotline is stored as digits only.
    /// </summary>
    public async Task<CommandResult<int>> UpdateContactAsync(int teamId, string? zaloUrl, string? hotline, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var zalo = string.IsNullOrWhiteSpace(zaloUrl) ? null : zaloUrl.Trim();
        if (zalo is not null && !IsZaloLink(zalo))
        {
            errors.Add(ZaloMessage);
        }

        var phone = string.IsNullOrWhiteSpace(hotline) ? null : VietnamesePhone.Hotline(hotline);
        if (phone is null && !string.IsNullOrWhiteSpace(hotline))
        {
            errors.Add(HotlineMessage);
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!MayEditTeams(db.Actor))
        {
            // Province leaders and district staff read teams; the commune and village keep them (domain.md roles).
            await refusals.RefuseAsync<Team>(teamId, "role may not edit teams");
            return CommandResult<int>.Refused(RoleMessage);
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return CommandResult<int>.Refused(NotFoundMessage);
        }

        if (team.Version != expectedVersion)
        {
            return CommandResult<int>.Conflicted(new EditConflict(ConflictMessage, team.Version));
        }

        // The UPDATE's WHERE carries the version the form was loaded at: an edit saved in between makes it match no row.
        db.Entry(team).Property(t => t.Version).OriginalValue = expectedVersion;
        team.ZaloGroupUrl = zalo;
        team.Hotline = phone;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<int>.Conflicted(new EditConflict(ConflictMessage, null));
        }

        return CommandResult<int>.Ok(team.Version);
    }

    /// <summary>Who keeps team records: the commune and village officers of the team's unit, and the province's administrators.</summary>
    public static bool MayEditTeams(Actor actor) =>
        actor.Scope.IsUnrestricted || actor.Role is AppRole.ProvinceAdmin or AppRole.CommuneOfficer or AppRole.VillageLeader;

    /// <summary>
    /// Stores the R1 result of today's roster in <see cref="Team.IsConstituted"/> (what the list filters on);
    /// call after every roster change. Returns the result, or null when the team is not found in scope.
    /// </summary>
    public async Task<bool?> RecomputeConstitutedAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return null;
        }

        var today = clock.Today;
        var holders = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new TeamCompositionRule.Holder(m.Position, m.Title))
            .ToListAsync(cancellationToken);
        var constituted = TeamCompositionRule.IsConstituted(team.Level, holders);
        if (team.IsConstituted != constituted)
        {
            // Only a real change is saved: an unchanged flag must not bump the version under someone's open form.
            team.IsConstituted = constituted;
            await db.SaveChangesAsync(cancellationToken);
        }

        return constituted;
    }

    /// <summary>Each R1 requirement of the level, met or with the rule's own message, plus any extra finding (two leaders).</summary>
    internal static IReadOnlyList<CompositionCheck> Checklist(UnitLevel level, IEnumerable<TeamCompositionRule.Holder> holders)
    {
        var requirements = TeamCompositionRule.RequirementsFor(level);
        var missing = TeamCompositionRule.Missing(level, holders);
        var checks = requirements
            .Select(r => new CompositionCheck($"{r.Title.ToVietnamese()} làm {r.Position.ToVietnamese()}",
                !missing.Contains(r.MissingMessage), missing.Contains(r.MissingMessage) ? r.MissingMessage : null))
            .ToList();
        checks.AddRange(missing.Where(m => requirements.All(r => r.MissingMessage != m))
            .Select(m => new CompositionCheck("Chỉ một Tổ trưởng", false, m)));
        return checks;
    }


    private static bool IsZaloLink(string url) =>
        url.Length <= 300
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.Equals(uri.Host, "zalo.me", StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.Trim('/').Length > 0
        && string.IsNullOrEmpty(uri.UserInfo);
}
