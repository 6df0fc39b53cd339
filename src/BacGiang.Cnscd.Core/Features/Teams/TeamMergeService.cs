using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// Merging a Project 06 working team into the CNSCĐ team (§1.1) in three steps: <see cref="AnalyseAsync"/> folds
/// both rosters into one list of people (the same phone, or the same name and year of birth, is one person),
/// <see cref="Preview"/> shows the resulting team and its R1 checklist for the officer's choices, and
/// <see cref="ApplyAsync"/> writes it in ONE transaction: people who leave get an end date, changed positions
/// start new memberships, newcomers join — or nothing is written at all.
/// </summary>
public sealed class TeamMergeService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    /// <summary>More rows than any working team has; a bigger input is a wrong file.</summary>
    public const int MaxEntries = 200;

    public const string NothingToMergeMessage = "Danh sách Tổ công tác Đề án 06 đang trống.";

    /// <summary>Reads the team's current roster and the Project 06 roster and folds them into one list of people.</summary>
    public async Task<MergeAnalysis?> AnalyseAsync(int teamId, IReadOnlyList<MergeEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, refused) = await OpenForMergeAsync(db, teamId, cancellationToken);
        if (team is null || refused is not null)
        {
            return refused;
        }

        return await FoldAllAsync(db, team, entries, [], cancellationToken);
    }

    /// <summary>
    /// As <see cref="AnalyseAsync"/>, with the Project 06 roster uploaded as an .xlsx in the roster template's format (read
    /// by <see cref="TeamExcelService"/>). A file that is not a workbook, too large, with missing columns or bad rows gives
    /// the import's row-level messages (sheet row numbers) and no usable analysis; nothing is written either way.
    /// </summary>
    public async Task<MergeAnalysis?> AnalyseWorkbookAsync(int teamId, Stream xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Scope and role first: a forged request costs no parsing.
        var (team, refused) = await OpenForMergeAsync(db, teamId, cancellationToken);
        if (team is null || refused is not null)
        {
            return refused;
        }

        var (entries, fileErrors) = await TeamExcelService.ReadMergeEntriesAsync(xlsx, cancellationToken);
        if (entries.Count == 0)
        {
            return new MergeAnalysis(team.Id, team.Name, team.Level, team.Version, [], fileErrors.Select(Format).ToList());
        }

        // Every problem of the file in one list: the column checks above and the name / phone / office checks of the fold.
        return await FoldAllAsync(db, team, entries, fileErrors, cancellationToken);
    }

    public const string NoPredecessorsMessage = "Đơn vị của tổ không có đơn vị nào sáp nhập vào, hoặc các tổ cũ không còn thành viên nào khi đóng.";

    /// <summary>
    /// As <see cref="AnalyseAsync"/>, with the last rosters of the teams closed by a restructuring in the units this team's
    /// unit took over (issue 12: "their members are offered through the existing merge tool"): each member as they served
    /// the day their team closed, with position, title and affiliation. Those teams lie outside the successor's scope
    /// (<see cref="PredecessorRosters"/> is the one reading across); the officer chooses in the preview, and R1 is checked
    /// for the new team as for any merge.
    /// </summary>
    public async Task<MergeAnalysis?> AnalysePredecessorsAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, refused) = await OpenForMergeAsync(db, teamId, cancellationToken);
        if (team is null || refused is not null)
        {
            return refused;
        }

        var entries = await PredecessorRosters.LastRostersAsync(db, team.UnitId, cancellationToken);
        return entries.Count == 0
            ? new MergeAnalysis(team.Id, team.Name, team.Level, team.Version, [], [NoPredecessorsMessage])
            : await FoldAllAsync(db, team, entries, [], cancellationToken, MergeSource.PredecessorTeam);
    }

    /// <summary>The team to merge into, or null (refused and audited) when it is outside the actor's scope; a role that may not merge gets an analysis carrying only the refusal.</summary>
    private async Task<(Team? Team, MergeAnalysis? Refused)> OpenForMergeAsync(CnscdDbContext db, int teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            await refusals.RefuseAsync<Team>(teamId, "merge team not in scope");
            return (null, null);
        }

        if (!TeamService.MayEditTeams(db.Actor))
        {
            // Readers of the team (district, province leaders) do not restructure it, nor see its phone book through here.
            await refusals.RefuseAsync<Team>(team.Id, "role may not merge teams");
            return (team, new MergeAnalysis(team.Id, team.Name, team.Level, team.Version, [], [TeamService.RoleMessage]));
        }

        return (team, null);
    }

    private async Task<MergeAnalysis> FoldAllAsync(CnscdDbContext db, Team team, IReadOnlyList<MergeEntry> entries,
        IReadOnlyList<ImportRowError> earlierErrors, CancellationToken cancellationToken, MergeSource source = MergeSource.Project06)
    {
        var today = clock.Today;
        var current = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == team.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new { m.Id, m.PersonId, m.Position, m.Title, m.Affiliation, Person = m.Person! })
            .ToListAsync(cancellationToken);

        var candidates = current
            .OrderByDescending(m => m.Position).ThenBy(m => m.Person.FullNameSearch, StringComparer.Ordinal)
            .Select(m => new MergeCandidate
            {
                FullName = m.Person.FullName, BirthYear = m.Person.BirthYear, MembershipId = m.Id, MatchPhone = m.Person.Phone,
                Phone = PersonalDataPolicy.Phone(db.Actor, m.Person, m.Person.Phone),
                PersonId = m.PersonId, Affiliation = m.Affiliation, Source = MergeSource.CurrentTeam, Position = m.Position, Title = m.Title,
            })
            .ToList();
        var errors = new List<ImportRowError>(earlierErrors);
        if (entries.Count == 0)
        {
            errors.Add(new ImportRowError(0, NothingToMergeMessage));
        }
        else if (entries.Count > MaxEntries)
        {
            errors.Add(new ImportRowError(0, $"Danh sách có {entries.Count} người, nhiều hơn mức tối đa {MaxEntries}."));
        }
        else
        {
            for (var i = 0; i < entries.Count; i++)
            {
                await FoldAsync(db, team, candidates, entries[i], entries[i].Row ?? i + 1, errors, source, cancellationToken);
            }
        }

        // Row by row, as the officer reads the file (OrderBy is stable: a row's messages keep their order).
        var messages = errors.OrderBy(e => e.Row).Select(Format).ToList();
        return new MergeAnalysis(team.Id, team.Name, team.Level, team.Version, candidates, messages);
    }

    private static string Format(ImportRowError error) => error.Row > 0 ? $"Dòng {error.Row}: {error.Message}" : error.Message;

    /// <summary>The team as the officer's choices would make it, with its R1 checklist. Nothing is read or written.</summary>
    public static MergePreview Preview(UnitLevel level, IReadOnlyList<MergeCandidate> candidates)
    {
        var staying = candidates.Where(c => c.Keep).OrderByDescending(c => c.Position).ThenBy(c => c.FullName, StringComparer.CurrentCulture).ToList();
        var leaving = candidates.Where(c => !c.Keep && c.MembershipId is not null).ToList();
        var checklist = TeamService.Checklist(level, staying.Select(c => new TeamCompositionRule.Holder(c.Position, c.Title)));
        return new MergePreview(staying, leaving, checklist);
    }

    /// <summary>
    /// Applies the officer's choices from <paramref name="effectiveOn"/> in one transaction, if nobody saved the team since
    /// <paramref name="expectedVersion"/>. Members not kept end the day before; changed positions start new memberships that day.
    /// </summary>
    public async Task<CommandResult<int>> ApplyAsync(int teamId, IReadOnlyList<MergeCandidate> candidates, DateOnly effectiveOn, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, failure) = await TeamEdits.OpenTeamAsync(db, refusals, teamId, expectedVersion, cancellationToken);
        if (team is null)
        {
            return failure!;
        }

        var errors = new List<string>();
        foreach (var candidate in candidates.Where(c => c.Keep && !TeamRosterService.TitleFitsLevel(team.Level, c.Title)))
        {
            errors.Add($"{candidate.FullName}: {TeamRosterService.TitleMessage}");
        }

        var memberships = db.ChangeTracker.Entries<TeamMember>().Select(e => e.Entity).Where(m => m.TeamId == team.Id).ToDictionary(m => m.Id);
        foreach (var id in candidates.Select(c => c.MembershipId).OfType<int>().Where(id => !memberships.ContainsKey(id)))
        {
            // Not a current member of this team: a forged or stale id.
            await refusals.RefuseAsync<TeamMember>(id, "merge membership not on this team");
            return CommandResult<int>.Invalid(TeamRosterService.MembershipNotFoundMessage);
        }

        var personIds = candidates.Where(c => c.MembershipId is null && c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var id in personIds.Where(id => !people.ContainsKey(id)))
        {
            await refusals.RefuseAsync<Person>(id, "merge person not in scope");
            return CommandResult<int>.Invalid(TeamRosterService.MembershipNotFoundMessage);
        }

        var newcomers = new List<(MergeCandidate Candidate, Person Person)>();
        foreach (var candidate in candidates.Where(c => c.Keep && c.MembershipId is null))
        {
            if (candidate.PersonId is { } personId)
            {
                newcomers.Add((candidate, people[personId]));
                continue;
            }

            var (person, personErrors) = TeamEdits.NewPerson(team.UnitId, candidate.FullName, candidate.BirthYear, candidate.Phone, null, clock.Today);
            errors.AddRange(personErrors.Select(e => $"{candidate.FullName}: {e}"));
            newcomers.Add((candidate, person));
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        // Two saves (memberships ending, then people and memberships starting) in one transaction: a failure in the
        // second leaves the first undone too.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var candidate in candidates.Where(c => c.MembershipId is not null))
        {
            var member = memberships[candidate.MembershipId!.Value];
            if (!candidate.Keep)
            {
                member.EndDate = effectiveOn.AddDays(-1);
            }
            else if (candidate.Position != member.Position || candidate.Title != member.Title || candidate.Affiliation != member.Affiliation)
            {
                if (member.StartDate >= effectiveOn)
                {
                    member.Position = candidate.Position;
                    member.Title = candidate.Title;
                    member.Affiliation = candidate.Affiliation;
                }
                else
                {
                    member.EndDate = effectiveOn.AddDays(-1);
                    db.TeamMembers.Add(new TeamMember
                    {
                        UnitId = team.UnitId, TeamId = team.Id, PersonId = member.PersonId, Position = candidate.Position, Title = candidate.Title,
                        Affiliation = candidate.Affiliation, StartDate = effectiveOn, TaskAssignment = member.TaskAssignment,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (candidate, person) in newcomers)
        {
            db.TeamMembers.Add(new TeamMember
            {
                UnitId = team.UnitId, TeamId = team.Id, Person = person, Position = candidate.Position, Title = candidate.Title,
                Affiliation = candidate.Affiliation, StartDate = effectiveOn,
            });
        }

        var result = await TeamEdits.SaveAsync(db, team, cancellationToken);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>The position R1 gives an office, so that the usual case needs no choice: the chair leads, the others deputise.</summary>
    public static TeamPosition SuggestedPosition(OfficialTitle title) => title switch
    {
        OfficialTitle.CommuneChair or OfficialTitle.VillageHead => TeamPosition.Leader,
        OfficialTitle.None => TeamPosition.Member,
        _ => TeamPosition.Deputy,
    };

    private async Task FoldAsync(CnscdDbContext db, Team team, List<MergeCandidate> candidates, MergeEntry entry, int row, List<ImportRowError> errors,
        MergeSource source, CancellationToken cancellationToken)
    {
        var (person, personErrors) = TeamEdits.NewPerson(team.UnitId, entry.FullName, entry.BirthYear, entry.Phone, null, clock.Today);
        if (!TeamRosterService.TitleFitsLevel(team.Level, entry.Title))
        {
            personErrors.Add(TeamRosterService.TitleMessage);
        }

        if (personErrors.Count > 0)
        {
            errors.AddRange(personErrors.Select(e => new ImportRowError(row, e)));
            return;
        }

        var same = candidates.FirstOrDefault(c => SamePerson(c, person));
        if (same is not null)
        {
            var why = person.Phone is not null && same.MatchPhone == person.Phone ? "cùng số điện thoại" : "cùng họ tên và năm sinh";
            same.Notes.Add(same.InputRows.Count > 0
                ? $"Dòng {row} trùng với dòng {same.InputRows[0]} ({why})."
                : $"Dòng {row} là thành viên hiện tại của tổ ({why}).");
            same.InputRows.Add(row);
            if (same.MatchPhone is null && same.MembershipId is null && same.PersonId is null && person.Phone is not null)
            {
                same.Phone = person.Phone;
                same.MatchPhone = person.Phone;
            }

            if (same.Source == MergeSource.CurrentTeam)
            {
                same.Source = MergeSource.Both;
            }

            if (same.Title == OfficialTitle.None && entry.Title != OfficialTitle.None)
            {
                same.Title = entry.Title;
                same.Position = SuggestedPosition(entry.Title);
            }

            return;
        }

        // Someone of the scope already on record (another team, an earlier membership) joins as that person.
        var known = await TeamEdits.FindSamePersonAsync(db, person, cancellationToken);
        var candidate = new MergeCandidate
        {
            FullName = known?.FullName ?? person.FullName, BirthYear = known?.BirthYear ?? person.BirthYear,
            Phone = known is null ? person.Phone ?? "" : PersonalDataPolicy.Phone(db.Actor, known, known.Phone), MatchPhone = known?.Phone ?? person.Phone,
            PersonId = known?.Id, Affiliation = entry.Affiliation, Source = source, Title = entry.Title,
            Position = entry.Position ?? SuggestedPosition(entry.Title),
        };
        candidate.InputRows.Add(row);
        if (known is not null)
        {
            candidate.Notes.Add($"Dòng {row} là người đã có trong danh sách của đơn vị.");
        }

        candidates.Add(candidate);
    }

    private static bool SamePerson(MergeCandidate candidate, Person person) =>
        (person.Phone is not null && candidate.MatchPhone == person.Phone)
        || (person.BirthYear is not null && candidate.BirthYear == person.BirthYear
            && VietnameseText.ToSearchKey(candidate.FullName) == person.FullNameSearch);
}
