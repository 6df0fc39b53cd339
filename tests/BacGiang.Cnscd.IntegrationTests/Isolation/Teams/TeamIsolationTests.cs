using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Teams;

/// <summary>
/// Teams: the list and page, roster, merge, governance, activities and the roster workbook in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="TeamService"/>, <see cref="TeamRosterService"/>, <see cref="TeamMergeService"/>, <see cref="TeamGovernanceService"/>, <see cref="TeamActivityService"/>, <see cref="TeamExcelService"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class TeamIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["TeamService.GetTeamAsync"] = async m =>
        {
            Assert.Null(await m.Teams.GetTeamAsync(m.Foreign.Id));
            Assert.Null(await m.Teams.GetTeamAsync(m.ForeignVillage.Id));
            if (m.Own.Level != UnitLevel.District)
            {
                Assert.Equal(m.Own.Id, (await m.Teams.GetTeamAsync(m.Own.Id))!.UnitId);
            }
        },
        ["TeamService.GetTeamOnAsync"] = async m =>
        {
            Assert.Null(await m.Teams.GetTeamOnAsync(m.Foreign.Id, new DateOnly(2025, 6, 1)));
            Assert.Null(await m.Teams.GetTeamOnAsync(m.ForeignVillage.Id, new DateOnly(2025, 6, 1)));
        },
        ["TeamService.ListTeamsAsync"] = async m =>
        {
            var foreignIds = new[] { m.Foreign.Id, m.ForeignVillage.Id };
            var all = await m.Teams.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 100), new TeamSort());
            Assert.NotEmpty(all.Items);
            Assert.DoesNotContain(all.Items, r => foreignIds.Contains(r.UnitId));
            // Asking for the sibling by id narrows to nothing rather than widening the scope.
            var byDistrict = await m.Teams.ListTeamsAsync(new TeamListFilter(DistrictId: m.Foreign.DistrictId), new PageRequest(0, 100), new TeamSort());
            Assert.DoesNotContain(byDistrict.Items, r => foreignIds.Contains(r.UnitId));
            var byCommune = await m.Teams.ListTeamsAsync(new TeamListFilter(CommuneId: m.ForeignVillage.CommuneId), new PageRequest(0, 100), new TeamSort(TeamSortField.Members, true));
            Assert.DoesNotContain(byCommune.Items, r => foreignIds.Contains(r.UnitId));
        },
        ["TeamService.UpdateContactAsync"] = async m =>
        {
            var foreignTeam = await ForeignTeamAsync(m);
            var result = await m.Teams.UpdateContactAsync(foreignTeam.Id, "https://zalo.me/g/xamnhap", "0912345678", foreignTeam.Version);
            Assert.False(result.Succeeded);
            var after = await ForeignTeamAsync(m);
            Assert.Equal(foreignTeam.Version, after.Version);
            Assert.Null(after.ZaloGroupUrl);
        },
        ["TeamService.RecomputeConstitutedAsync"] = async m =>
        {
            var foreignTeam = await ForeignTeamAsync(m);
            Assert.Null(await m.Teams.RecomputeConstitutedAsync(foreignTeam.Id));
            Assert.Equal(foreignTeam.Version, (await ForeignTeamAsync(m)).Version);
        },
        ["TeamRosterService.AddMemberAsync"] = async m =>
        {
            var foreignTeam = await ForeignTeamAsync(m);
            var input = new MemberInput("Người Lạ Thêm", 1980, "0933000111", null, TeamPosition.Member, OfficialTitle.None, Affiliation.Citizen, new DateOnly(2026, 1, 1));
            Assert.False((await m.Roster.AddMemberAsync(foreignTeam.Id, input, foreignTeam.Version)).Succeeded);
            var foreignPerson = await ForeignMembershipAsync(m);
            var ownTeam = await OwnTeamAsync(m);
            if (ownTeam is not null)
            {
                // An existing person of the sibling, forged into the actor's own team.
                var existing = input with { ExistingPersonId = foreignPerson.PersonId };
                Assert.False((await m.Roster.AddMemberAsync(ownTeam.Id, existing, ownTeam.Version)).Succeeded);
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.People.AnyAsync(p => p.FullName == "Người Lạ Thêm"));
            Assert.Equal(1, await db.TeamMembers.CountAsync(t => t.PersonId == foreignPerson.PersonId));
            await AssertRefusedAsync(m, nameof(Team), foreignTeam.Id);
        },
        ["TeamRosterService.ChangePositionAsync"] = async m =>
        {
            var member = await ForeignMembershipAsync(m);
            var team = await ForeignTeamAsync(m);
            Assert.False((await m.Roster.ChangePositionAsync(member.Id, TeamPosition.Leader, OfficialTitle.None, new DateOnly(2026, 1, 1), team.Version)).Succeeded);
            Assert.Equal(TeamPosition.Member, (await ForeignMembershipAsync(m)).Position);
            await AssertRefusedAsync(m, nameof(TeamMember), member.Id);
        },
        ["TeamRosterService.EndMembershipAsync"] = async m =>
        {
            var member = await ForeignMembershipAsync(m);
            var team = await ForeignTeamAsync(m);
            Assert.False((await m.Roster.EndMembershipAsync(member.Id, new DateOnly(2026, 1, 1), team.Version)).Succeeded);
            Assert.Null((await ForeignMembershipAsync(m)).EndDate);
        },
        ["TeamRosterService.MoveMemberAsync"] = async m =>
        {
            var member = await ForeignMembershipAsync(m);
            var team = await ForeignTeamAsync(m);
            var ownTeam = await OwnTeamAsync(m);
            Assert.False((await m.Roster.MoveMemberAsync(member.Id, ownTeam?.Id ?? team.Id, TeamPosition.Member, OfficialTitle.None,
                new DateOnly(2026, 1, 1), team.Version)).Succeeded);
            Assert.Null((await ForeignMembershipAsync(m)).EndDate);
        },
        ["TeamRosterService.SetTaskAsync"] = async m =>
        {
            var member = await ForeignMembershipAsync(m);
            var team = await ForeignTeamAsync(m);
            Assert.False((await m.Roster.SetTaskAsync(member.Id, "Xâm nhập", team.Version)).Succeeded);
            Assert.Null((await ForeignMembershipAsync(m)).TaskAssignment);
        },
        ["TeamRosterService.FindPeopleAsync"] = async m =>
            Assert.DoesNotContain(await m.Roster.FindPeopleAsync("thanh vien ben kia"), p => p.FullName == "Thành Viên Bên Kia"),
        ["TeamMergeService.AnalyseAsync"] = async m =>
        {
            var team = await ForeignTeamAsync(m);
            Assert.Null(await m.Merge.AnalyseAsync(team.Id, [new MergeEntry("Người Lạ", 1980, null)]));
            await AssertRefusedAsync(m, nameof(Team), team.Id);
            var ownTeam = await OwnTeamAsync(m);
            if (ownTeam is not null)
            {
                // The sibling's member typed into the actor's own merge is not recognised as a known person.
                var analysis = (await m.Merge.AnalyseAsync(ownTeam.Id, [new MergeEntry("Thành Viên Bên Kia", 1980, "0944000777")]))!;
                Assert.All(analysis.Candidates, c => Assert.Null(c.PersonId));
            }
        },
        ["TeamMergeService.AnalysePredecessorsAsync"] = async m =>
        {
            // The sibling's team: refused before any predecessor roster is read.
            var team = await ForeignTeamAsync(m);
            Assert.Null(await m.Merge.AnalysePredecessorsAsync(team.Id));
            await AssertRefusedAsync(m, nameof(Team), team.Id);
        },
        ["TeamMergeService.AnalyseWorkbookAsync"] = async m =>
        {
            // The sibling's member, by name and phone, in a Project 06 sheet in the roster template's format.
            static MemoryStream Sheet()
            {
                using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(TeamExcelService.CreateTemplate()));
                string[] row = ["Thành Viên Bên Kia", "1980", "0944000777", "", "Thành viên", "", "Người dân", ""];
                for (var c = 0; c < row.Length; c++)
                {
                    workbook.Worksheet("Thành viên tổ").Cell(2, c + 1).SetValue(row[c]);
                }

                var file = new MemoryStream();
                workbook.SaveAs(file);
                file.Position = 0;
                return file;
            }

            var member = await ForeignMembershipAsync(m);
            var team = await ForeignTeamAsync(m);
            Assert.Null(await m.Merge.AnalyseWorkbookAsync(team.Id, Sheet()));
            await AssertRefusedAsync(m, nameof(Team), team.Id);
            var ownTeam = await OwnTeamAsync(m);
            if (ownTeam is not null)
            {
                // Read into the actor's own merge, the sibling's member is not recognised as a known person.
                var analysis = (await m.Merge.AnalyseWorkbookAsync(ownTeam.Id, Sheet()))!;
                Assert.All(analysis.Candidates, c => Assert.Null(c.PersonId));
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.Equal(1, await db.TeamMembers.CountAsync(t => t.PersonId == member.PersonId));
            Assert.Equal(1, await db.People.CountAsync(p => p.FullName == "Thành Viên Bên Kia"));
        },
        ["TeamMergeService.ApplyAsync"] = async m =>
        {
            var member = await ForeignMembershipAsync(m);
            var team = await ForeignTeamAsync(m);
            var leave = new MergeCandidate { FullName = "Thành Viên Bên Kia", MembershipId = member.Id, Keep = false };
            Assert.False((await m.Merge.ApplyAsync(team.Id, [leave], new DateOnly(2026, 1, 1), team.Version)).Succeeded);
            var ownTeam = await OwnTeamAsync(m);
            if (ownTeam is not null)
            {
                Assert.False((await m.Merge.ApplyAsync(ownTeam.Id, [leave], new DateOnly(2026, 1, 1), ownTeam.Version)).Succeeded);
                var join = new MergeCandidate { FullName = "Thành Viên Bên Kia", PersonId = member.PersonId };
                Assert.False((await m.Merge.ApplyAsync(ownTeam.Id, [join], new DateOnly(2026, 1, 1), ownTeam.Version)).Succeeded);
            }

            Assert.Null((await ForeignMembershipAsync(m)).EndDate);
            await using var db = m.Database.CreateSystemContext();
            Assert.Equal(1, await db.TeamMembers.CountAsync(t => t.PersonId == member.PersonId));
        },
        ["TeamGovernanceService.GetAsync"] = async m =>
        {
            Assert.Null(await m.Governance.GetAsync((await ForeignTeamAsync(m)).Id));
            if (await OwnTeamAsync(m) is { } own)
            {
                Assert.Equal(own.Id, (await m.Governance.GetAsync(own.Id))!.TeamId);
            }
        },
        ["TeamGovernanceService.SetRegulationAsync"] = async m =>
        {
            var team = await ForeignTeamAsync(m);
            var file = new FileUpload("quy-che.pdf", "%PDF-1.4 forged"u8.ToArray());
            Assert.False((await m.Governance.SetRegulationAsync(team.Id, "99/QĐ-XN", new DateOnly(2025, 1, 1), file, team.Version)).Succeeded);
            var after = await ForeignTeamAsync(m);
            Assert.Null(after.RegulationNumber);
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.Attachments.AnyAsync(a => a.Content.Length == 15 && a.FileName == "quy-che.pdf"));
            await AssertRefusedAsync(m, nameof(Team), team.Id);
        },
        ["TeamGovernanceService.SaveAnnualPlanAsync"] = async m =>
        {
            var team = await ForeignTeamAsync(m);
            Assert.False((await m.Governance.SaveAnnualPlanAsync(team.Id, 2026, "Xâm nhập", null, team.Version)).Succeeded);
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.AnnualPlans.AnyAsync(p => p.TeamId == team.Id));
        },
        ["TeamGovernanceService.OpenAttachmentAsync"] = async m =>
        {
            Guid foreignFile;
            await using (var db = m.Database.CreateSystemContext())
            {
                var attachment = new Attachment
                {
                    Id = Guid.NewGuid(), UnitId = m.ForeignVillage.Id, FileName = "ke-hoach.pdf", ContentType = "application/pdf",
                    Content = "%PDF-1.4 plan"u8.ToArray(), Size = 13, UploadedAtUtc = DateTime.UtcNow,
                };
                db.Attachments.Add(attachment);
                await db.SaveChangesAsync();
                foreignFile = attachment.Id;
            }

            Assert.Null(await m.Governance.OpenAttachmentAsync(foreignFile));
            await using var check = m.Database.CreateSystemContext();
            var entityId = foreignFile.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Attachment)
                && a.EntityId == entityId && a.UserId == m.Actor.UserId));
        },
        ["TeamActivityService.LogAsync"] = async m =>
        {
            var team = await ForeignTeamAsync(m);
            var input = new ActivityInput(ActivityKind.Outreach, new DateOnly(2026, 1, 5), "Xâm nhập", DigitalSkills.All, null, 10, 2);
            Assert.False((await m.Activities.LogAsync(team.Id, input)).Succeeded);
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.TeamActivities.AnyAsync(a => a.TeamId == team.Id));
            Assert.Null((await ForeignTeamAsync(m)).LastActivityOn);
            await AssertRefusedAsync(m, nameof(Team), team.Id);
        },
        ["TeamActivityService.ListAsync"] = async m =>
        {
            var team = await ForeignTeamAsync(m);
            await using (var db = m.Database.CreateSystemContext())
            {
                db.TeamActivities.Add(new TeamActivity
                {
                    UnitId = m.ForeignVillage.Id, TeamId = team.Id, Kind = ActivityKind.Training, Date = new DateOnly(2026, 1, 3), Title = "Tập huấn bên kia",
                });
                await db.SaveChangesAsync();
            }

            Assert.Equal(0, (await m.Activities.ListAsync(team.Id, new PageRequest(0, 100))).TotalCount);
        },
        ["TeamExcelService.ImportAsync"] = async m =>
        {
            var team = await ForeignTeamAsync(m);
            using var workbook = new ClosedXML.Excel.XLWorkbook();
            var sheet = workbook.AddWorksheet("Thành viên tổ");
            string[] header = ["Họ và tên", "Năm sinh", "Điện thoại", "Zalo", "Vị trí", "Chức vụ", "Thuộc", "Nhiệm vụ"];
            string[] row = ["Người Lạ Nhập Tổ", "1980", "0955000111", "", "Thành viên", "", "Người dân", ""];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).Value = header[c];
                sheet.Cell(2, c + 1).Value = row[c];
            }

            using var file = new MemoryStream();
            workbook.SaveAs(file);
            file.Position = 0;
            Assert.False((await m.Excel.ImportAsync(team.Id, file, new DateOnly(2026, 1, 1), team.Version)).Succeeded);
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.People.AnyAsync(p => p.FullName == "Người Lạ Nhập Tổ"));
            await AssertRefusedAsync(m, nameof(Team), team.Id);
        },
        ["TeamExcelService.ExportAsync"] = async m =>
        {
            await ForeignMembershipAsync(m);
            Assert.Null(await m.Excel.ExportAsync(m.ForeignVillage.Id));
            Assert.Null(await m.Excel.ExportAsync(m.Foreign.Id));
            await AssertRefusedAsync(m, nameof(AdministrativeUnit), m.ForeignVillage.Id);
            // The actor's own export (a district: its whole subtree) holds nothing of the sibling.
            using var own = new ClosedXML.Excel.XLWorkbook(new MemoryStream((await m.Excel.ExportAsync(m.Own.Id))!));
            var cells = own.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
            Assert.DoesNotContain("Thành Viên Bên Kia", cells);
            Assert.DoesNotContain(cells, c => c.Contains(m.ForeignVillage.Name, StringComparison.Ordinal));
        },
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["TeamService.GetTeamAsync"] = async m =>
        {
            Assert.Equal(m.OwnVillage.Id, (await m.Teams.GetTeamAsync(m.OwnVillage.Id))?.UnitId);
            await AssertNothingRefusedAsync(m);
        },
        ["TeamService.GetTeamOnAsync"] = async m =>
        {
            Assert.Equal(m.OwnVillage.Id, (await m.Teams.GetTeamOnAsync(m.OwnVillage.Id, new DateOnly(2025, 6, 1)))?.UnitId);
            await AssertNothingRefusedAsync(m);
        },
        ["TeamService.ListTeamsAsync"] = async m =>
            Assert.Contains((await m.Teams.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 100), new TeamSort())).Items, r => r.UnitId == m.OwnVillage.Id),
        ["TeamService.UpdateContactAsync"] = async m =>
        {
            // A district keeps no team of its own and edits none (TeamService.MayEditTeams): the commune and village do.
            if (await OwnTeamAsync(m) is not { } team)
            {
                Assert.False(TeamService.MayEditTeams(m.Actor));
                return;
            }

            var result = await m.Teams.UpdateContactAsync(team.Id, "https://zalo.me/g/cuaminh", "0912345678", team.Version);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            Assert.Equal("https://zalo.me/g/cuaminh", (await OwnTeamAsync(m))!.ZaloGroupUrl);
        },
        ["TeamRosterService.AddMemberAsync"] = async m =>
        {
            if (await OwnTeamAsync(m) is not { } team)
            {
                return; // a district keeps no team (see TeamService.UpdateContactAsync)
            }

            var input = new MemberInput("Người Mình Thêm", 1980, "0933000222", null, TeamPosition.Member, OfficialTitle.None, Affiliation.Citizen, new DateOnly(2026, 1, 1));
            var result = await m.Roster.AddMemberAsync(team.Id, input, team.Version);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.People.AnyAsync(p => p.FullName == "Người Mình Thêm"));
        },
        ["TeamRosterService.FindPeopleAsync"] = async m =>
        {
            await OwnMembershipAsync(m);
            Assert.Contains(await m.Roster.FindPeopleAsync("thanh vien ben nay"), p => p.FullName == "Thành Viên Bên Này");
        },
        ["TeamMergeService.AnalysePredecessorsAsync"] = async m =>
        {
            // No unit of the mini province took another over: the own team is told so, and nothing is refused.
            var analysis = await m.Merge.AnalysePredecessorsAsync((await OwnVillageTeamAsync(m)).Id);
            Assert.NotNull(analysis);
            Assert.True(analysis.Candidates.Count == 0 && analysis.RowErrors.Count == 1, string.Join("; ", analysis.RowErrors));
        },
        ["TeamMergeService.AnalyseAsync"] = async m =>
        {
            // The own village's member typed into the merge of a team the actor keeps is recognised as the known person.
            if (await OwnTeamAsync(m) is null)
            {
                return; // a district keeps no team (see TeamService.UpdateContactAsync)
            }

            var member = await OwnMembershipAsync(m);
            var analysis = await m.Merge.AnalyseAsync((await OwnVillageTeamAsync(m)).Id, [new MergeEntry("Thành Viên Bên Này", 1980, "0944000888")]);
            Assert.NotNull(analysis);
            Assert.Contains(analysis.Candidates, c => c.PersonId == member.PersonId);
        },
        ["TeamGovernanceService.GetAsync"] = async m =>
        {
            var team = await OwnVillageTeamAsync(m);
            Assert.Equal(team.Id, (await m.Governance.GetAsync(team.Id))?.TeamId);
        },
        ["TeamActivityService.LogAsync"] = async m =>
        {
            if (await OwnTeamAsync(m) is not { } team)
            {
                return; // a district keeps no team (see TeamService.UpdateContactAsync)
            }

            var input = new ActivityInput(ActivityKind.Outreach, new DateOnly(2026, 1, 5), "Của mình", DigitalSkills.All, null, 10, 2);
            var result = await m.Activities.LogAsync(team.Id, input);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.TeamActivities.AnyAsync(a => a.TeamId == team.Id && a.Title == "Của mình"));
        },
        ["TeamActivityService.ListAsync"] = async m =>
        {
            var team = await OwnVillageTeamAsync(m);
            await using (var db = m.Database.CreateSystemContext())
            {
                db.TeamActivities.Add(new TeamActivity
                {
                    UnitId = m.OwnVillage.Id, TeamId = team.Id, Kind = ActivityKind.Training, Date = new DateOnly(2026, 1, 3), Title = "Tập huấn bên này",
                });
                await db.SaveChangesAsync();
            }

            Assert.Contains((await m.Activities.ListAsync(team.Id, new PageRequest(0, 100))).Items, a => a.Title == "Tập huấn bên này");
        },
        ["TeamExcelService.ExportAsync"] = async m =>
        {
            await OwnMembershipAsync(m);
            var export = await m.Excel.ExportAsync(m.Own.Id);
            Assert.NotNull(export);
            using var own = new ClosedXML.Excel.XLWorkbook(new MemoryStream(export));
            Assert.Contains("Thành Viên Bên Này", own.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteTeamIsolationTests() : TeamIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamIsolationTests() : TeamIsolationTests(DatabaseProvider.PostgreSql);
