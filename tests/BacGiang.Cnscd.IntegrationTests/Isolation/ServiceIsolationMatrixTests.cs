using System.Reflection;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Isolation;

/// <summary>
/// The isolation matrix over feature services: for each role and a sibling unit (two districts; two
/// communes in different districts; two communes of one district; two villages of one commune),
/// every public service method is called with the sibling's ids and must neither return nor change
/// the sibling's rows. A new public service method fails <see cref="EveryPublicServiceMethod_IsInTheMatrix"/>
/// until it gets a case here.
/// </summary>
public abstract class ServiceIsolationMatrixTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    public static TheoryData<AppRole, string, string, string> Pairs => new()
    {
        { AppRole.DistrictOfficer, "D1", "D2", "V21" },
        { AppRole.CommuneOfficer, "C1", "C2", "V21" },
        { AppRole.CommuneOfficer, "C1", "C3", "V31" },
        { AppRole.VillageLeader, "V11", "V12", "V12" },
    };

    /// <summary>Everything a case needs: the acting services and the sibling's ids.</summary>
    public sealed record MatrixContext(
        TestDatabase Database, Actor Actor, AdministrativeUnit Own, AdministrativeUnit Foreign, AdministrativeUnit ForeignVillage,
        AppUser ForeignAccount, UnitDirectoryService Units, AuditQueryService Audit, AccountService Accounts, VillageLeaderImport Import,
        TeamService Teams, HouseholdService Households, int ForeignHouseholdId, TeamRosterService Roster, TeamMergeService Merge,
        TeamGovernanceService Governance, TeamActivityService Activities, TeamExcelService Excel,
        HouseholdImport HouseholdImport, HouseholdExport HouseholdExport);

    /// <summary>The matrix: one case per public feature-service method.</summary>
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Cases = new()
    {
        ["UnitDirectoryService.GetRootAsync"] = async m => Assert.Equal(m.Own.Id, (await m.Units.GetRootAsync())!.Id),
        ["UnitDirectoryService.GetAsync"] = async m =>
        {
            Assert.Null(await m.Units.GetAsync(m.Foreign.Id));
            Assert.Null(await m.Units.GetAsync(m.ForeignVillage.Id));
            // The forged request is on record, against the unit it tried to reach.
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(AdministrativeUnit) && a.UnitId == m.Foreign.Id));
        },
        ["UnitDirectoryService.GetChildrenAsync"] = async m =>
        {
            Assert.Empty((await m.Units.GetChildrenAsync(m.Foreign.Id, new PageRequest(0, 100), null)).Items);
            var parentChildren = await m.Units.GetChildrenAsync(m.Foreign.ParentId!.Value, new PageRequest(0, 100), null);
            Assert.DoesNotContain(parentChildren.Items, r => r.Id == m.Foreign.Id);
        },
        ["UnitDirectoryService.GetTotalsAsync"] = async m => Assert.Null(await m.Units.GetTotalsAsync(m.Foreign.Id)),
        ["AuditQueryService.SearchAsync"] = async m =>
        {
            Assert.Equal(0, (await m.Audit.SearchAsync(new AuditQuery(UnitCode: m.ForeignVillage.Code), new PageRequest(0, 100))).TotalCount);
            var all = await m.Audit.SearchAsync(new AuditQuery(), new PageRequest(0, 100));
            Assert.DoesNotContain(all.Items, r => r.UnitName == m.ForeignVillage.Name || r.UnitName == m.Foreign.Name);
        },
        // Lists the model's entity type names: no unit data to leak.
        ["AuditQueryService.EntityTypes"] = m => { Assert.Contains(nameof(Household), m.Audit.EntityTypes()); return Task.CompletedTask; },
        ["AuditLog.RecordAsync"] = async m =>
        {
            // Append-only by design: a refused attempt on the sibling is recorded against the sibling,
            // and the actor still cannot read it back.
            await using (var db = m.Database.CreateContext(m.Actor))
            {
                await AuditLog.RecordAsync(db, AuditActions.Refused, nameof(Household), "1", m.ForeignVillage.Id, "{\"test\":true}");
            }

            Assert.Equal(0, (await m.Audit.SearchAsync(new AuditQuery(Action: AuditActions.Refused), new PageRequest(0, 100))).Items
                .Count(r => r.UnitName == m.ForeignVillage.Name));
        },
        ["TeamService.GetTeamAsync"] = async m =>
        {
            Assert.Null(await m.Teams.GetTeamAsync(m.Foreign.Id));
            Assert.Null(await m.Teams.GetTeamAsync(m.ForeignVillage.Id));
            Assert.Null(await m.Teams.GetTeamOnAsync(m.ForeignVillage.Id, new DateOnly(2025, 6, 1)));
            if (m.Own.Level != UnitLevel.District)
            {
                Assert.Equal(m.Own.Id, (await m.Teams.GetTeamAsync(m.Own.Id))!.UnitId);
            }
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
        ["AccountService.ListAsync"] = async m =>
            Assert.DoesNotContain((await m.Accounts.ListAsync(new PageRequest(0, 100), null)).Items, a => a.Id == m.ForeignAccount.Id),
        ["AccountService.GetGrantableRolesAsync"] = async m =>
            Assert.All(await m.Accounts.GetGrantableRolesAsync(), r => Assert.True(r < m.Actor.Role())),
        ["AccountService.ListAssignableUnitsAsync"] = async m =>
            Assert.DoesNotContain(await m.Accounts.ListAssignableUnitsAsync(AppRole.VillageLeader, null), u => u.Id == m.ForeignVillage.Id),
        ["AccountService.CreateAsync"] = async m =>
        {
            await Assert.ThrowsAsync<ScopeViolationException>(() =>
                m.Accounts.CreateAsync(new AccountRequest("Người Lạ", "nguoila@test.vn", AppRole.VillageLeader, m.ForeignVillage.Id), "Mat-khau-dai-2026!"));
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.Users.AnyAsync(u => u.Email == "nguoila@test.vn"));
        },
        ["AccountService.UpdateAsync"] = async m =>
            await Assert.ThrowsAsync<ScopeViolationException>(() => m.Accounts.UpdateAsync(m.ForeignAccount.Id,
                new AccountRequest("Đổi Tên", m.ForeignAccount.Email!, AppRole.VillageLeader, m.ForeignVillage.Id), m.ForeignAccount.ConcurrencyStamp!)),
        ["AccountService.SetActiveAsync"] = async m =>
        {
            await Assert.ThrowsAsync<ScopeViolationException>(() => m.Accounts.SetActiveAsync(m.ForeignAccount.Id, false));
            await using var db = m.Database.CreateSystemContext();
            Assert.True((await db.Users.SingleAsync(u => u.Id == m.ForeignAccount.Id)).IsActive);
        },
        ["AccountService.ResetPasswordAsync"] = async m =>
            await Assert.ThrowsAsync<ScopeViolationException>(() => m.Accounts.ResetPasswordAsync(m.ForeignAccount.Id, "Mat-khau-moi-2026!")),
        ["VillageLeaderImport.CanImportAsync"] = async m =>
            Assert.Equal(m.Actor.Role() == AppRole.CommuneOfficer, await m.Import.CanImportAsync()),
        ["VillageLeaderImport.CreateTemplateAsync"] = async m =>
        {
            if (m.Actor.Role() != AppRole.CommuneOfficer)
            {
                await Assert.ThrowsAsync<ScopeViolationException>(() => m.Import.CreateTemplateAsync());
                return;
            }

            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await m.Import.CreateTemplateAsync()));
            var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
            Assert.NotEmpty(cells);
            Assert.DoesNotContain(m.ForeignVillage.Code, cells);
            Assert.DoesNotContain(m.ForeignVillage.Name, cells);
        },
        ["VillageLeaderImport.ImportAsync"] = async m =>
        {
            using var workbook = new ClosedXML.Excel.XLWorkbook();
            var sheet = workbook.AddWorksheet("Tài khoản");
            string[] header = [VillageLeaderSheet.VillageCode, VillageLeaderSheet.VillageName, VillageLeaderSheet.FullName, VillageLeaderSheet.Email, VillageLeaderSheet.Password];
            string[] row = [m.ForeignVillage.Code, m.ForeignVillage.Name, "Người Lạ Nhập", "nguoila.nhap@test.vn", "Mat-khau-dai-2026!"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).Value = header[c];
                sheet.Cell(2, c + 1).Value = row[c];
            }

            using var file = new MemoryStream();
            workbook.SaveAs(file);
            file.Position = 0;
            if (m.Actor.Role() != AppRole.CommuneOfficer)
            {
                await Assert.ThrowsAsync<ScopeViolationException>(() => m.Import.ImportAsync(file));
            }
            else
            {
                Assert.False((await m.Import.ImportAsync(file)).Succeeded);
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.Users.AnyAsync(u => u.Email == "nguoila.nhap@test.vn"));
        },
        ["HouseholdService.RegisterAsync"] = async m =>
        {
            foreach (var unit in new[] { m.Foreign, m.ForeignVillage })
            {
                Assert.Equal(0, (await m.Households.RegisterAsync(unit.Id, HouseholdFilter.None, null, new PageRequest(0, 100))).TotalCount);
                Assert.Equal(0, (await m.Households.RegisterAsync(unit.Id, HouseholdFilter.None, "ho ben kia", new PageRequest(0, 100))).TotalCount);
            }

            // The reader's own register (its commune or village) lists its own rows only.
            var own = await m.Households.RegisterAsync(m.Own.Id, HouseholdFilter.None, "ho", new PageRequest(0, 100));
            Assert.DoesNotContain(own.Items, r => r.Id == m.ForeignHouseholdId || r.HeadName == "Hộ Bên Kia");
        },
        ["HouseholdService.GetAsync"] = async m => Assert.Null(await m.Households.GetAsync(m.ForeignHouseholdId)),
        ["HouseholdVisitService.LogVisitAsync"] = async m =>
        {
            var request = new VisitRequest(Guid.NewGuid(), m.ForeignHouseholdId, new DateOnly(2026, 1, 5), 1, DigitalSkills.All, true, true, null);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Visits(m).LogVisitAsync(request));
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.HouseholdVisits.AnyAsync(v => v.ClientRequestId == request.ClientRequestId));
            Assert.Equal(DigitalSkills.None, (await db.Households.SingleAsync(h => h.Id == m.ForeignHouseholdId)).SkillsGuided);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Household)
                && a.EntityId == m.ForeignHouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.UserId == m.Actor.UserId));
        },
        ["HouseholdAssistanceService.AssignAsync"] = async m =>
        {
            await Assert.ThrowsAsync<ScopeViolationException>(() => Assistance(m).AssignAsync([m.ForeignHouseholdId], null));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityId == m.ForeignHouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        },
        ["HouseholdAssistanceService.SetAssistanceAsync"] = async m =>
        {
            await Assert.ThrowsAsync<ScopeViolationException>(() => Assistance(m).SetAssistanceAsync(m.ForeignHouseholdId, true, null, 0));
            await using var db = m.Database.CreateSystemContext();
            Assert.False((await db.Households.SingleAsync(h => h.Id == m.ForeignHouseholdId)).NeedsAssistance);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityId == m.ForeignHouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        },
        ["HouseholdAssistanceService.AssignedToAsync"] = async m =>
        {
            // A member of the sibling's village team with the sibling's household assigned: not on any list the actor can read.
            int foreignMember;
            await using (var db = m.Database.CreateSystemContext())
            {
                var team = await db.Teams.SingleAsync(t => t.UnitId == m.ForeignVillage.Id);
                var member = new TeamMember
                {
                    UnitId = m.ForeignVillage.Id, TeamId = team.Id, StartDate = new DateOnly(2025, 1, 1),
                    Person = new Person { UnitId = m.ForeignVillage.Id, FullName = "Thành Viên Bên Kia", FullNameSearch = "thanh vien ben kia" },
                };
                db.TeamMembers.Add(member);
                await db.SaveChangesAsync();
                foreignMember = member.Id;
                (await db.Households.SingleAsync(h => h.Id == m.ForeignHouseholdId)).AssignedMemberId = foreignMember;
                await db.SaveChangesAsync();
            }

            Assert.Equal(0, (await Assistance(m).AssignedToAsync(foreignMember, new PageRequest(0, 100))).TotalCount);
        },
        ["DashboardService.GetAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Null(await dashboards.GetAsync(m.Foreign.Id));
            Assert.Null(await dashboards.GetAsync(m.ForeignVillage.Id));
            await using (var db = m.Database.CreateSystemContext())
            {
                Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                    && a.EntityType == "Dashboard" && a.UnitId == m.Foreign.Id));
            }

            // The reader's own dashboard starts at its unit, and neither its figures nor its rows include the sibling's household.
            var own = (await dashboards.GetAsync(null))!;
            Assert.Equal(m.Own.Id, own.UnitId);
            Assert.DoesNotContain(own.Children, c => c.UnitId == m.Foreign.Id || c.UnitId == m.ForeignVillage.Id);
            await using var system = m.Database.CreateSystemContext();
            var ownHouseholds = await system.Households.CountAsync(h => h.DistrictId == m.Own.Id || h.CommuneId == m.Own.Id || h.VillageId == m.Own.Id);
            Assert.Equal(ownHouseholds, own.Totals.HouseholdTotal);
        },
        ["DashboardService.GetTrendAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Empty(await dashboards.GetTrendAsync(m.Foreign.Id));
            Assert.Empty(await dashboards.GetTrendAsync(m.ForeignVillage.Id));
            var own = await dashboards.GetTrendAsync(m.Own.Id);
            await using var system = m.Database.CreateSystemContext();
            Assert.Equal(await system.Households.CountAsync(h => h.DistrictId == m.Own.Id || h.CommuneId == m.Own.Id || h.VillageId == m.Own.Id),
                own[^1].Households);
        },
        ["DashboardService.ExportAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Null(await dashboards.ExportAsync(m.Foreign.Id));
            Assert.Null(await dashboards.ExportAsync(m.ForeignVillage.Id));
            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream((await dashboards.ExportAsync(null))!));
            var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
            Assert.DoesNotContain(cells, c => c.Contains(m.Foreign.Name, StringComparison.Ordinal) || c.Contains(m.ForeignVillage.Name, StringComparison.Ordinal));
        },
        ["HouseholdVisitService.RecentlyVisitedAsync"] = async m =>
        {
            Assert.Empty(await Visits(m).RecentlyVisitedAsync(m.ForeignVillage.Id, HouseholdVisitService.MaxRecent));
            Assert.Empty(await Visits(m).RecentlyVisitedAsync(m.Foreign.Id, HouseholdVisitService.MaxRecent));
        },
        ["ReportQueryService.GetAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            Assert.Null(await Reports(m).GetAsync(foreign.UnitId, 2026, 4));
        },
        ["ReportQueryService.ChildrenAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            foreach (var parent in new[] { foreign.UnitId, m.Foreign.Id, m.Foreign.ParentId ?? 0 })
            {
                var rows = await Reports(m).ChildrenAsync(parent, 2026, 4, new PageRequest(0, 100));
                Assert.DoesNotContain(rows.Items, r => r.UnitId == foreign.UnitId || r.UnitId == m.Foreign.Id || r.ReportId == foreign.ReportId);
            }
        },
        ["ReportWorkflowService.SaveDraftAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).SaveDraftAsync(foreign.UnitId, 2026, 4, ForgedNarrative, foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
        },
        ["ReportWorkflowService.SubmitAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).SubmitAsync(foreign.UnitId, 2026, 4, ForgedNarrative, foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
        },
        ["ReportWorkflowService.ApproveAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).ApproveAsync(foreign.ReportId, foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(QuarterlyReport) && a.UnitId == foreign.UnitId));
        },
        ["ReportWorkflowService.ReturnAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).ReturnAsync(foreign.ReportId, "Trả lại giả mạo", foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
        },
        ["ReportQueryService.GetSubmissionAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            Assert.Null(await Reports(m).GetSubmissionAsync(foreign.SubmissionId));
        },
        ["ReportWorkflowService.SetCommuneDeadlineAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() =>
                Workflow(m).SetCommuneDeadlineAsync(foreign.DistrictId, 2026, 4, new DateOnly(2026, 12, 1)));
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.QuarterlyReports.AnyAsync(r => r.UnitId == foreign.DistrictId && r.ChildrenDueDate != null));
        },
        ["ReportQueryService.DueSoonAsync"] = async m =>
        {
            var due = await CoreServices.CreateOn<ReportQueryService>(new DateOnly(2026, 12, 14), new ActorContextFactory(m.Database, m.Actor)).DueSoonAsync();
            Assert.DoesNotContain(due, d => d.Text.Contains(m.Foreign.Name, StringComparison.Ordinal) || d.Text.Contains(m.ForeignVillage.Name, StringComparison.Ordinal));
        },
        ["ReportExportService.ExportAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            var export = CoreServices.Create<ReportExportService>(new ActorContextFactory(m.Database, m.Actor), Options.Create(new ReportOptions()));
            await Assert.ThrowsAsync<ScopeViolationException>(() => export.ExportAsync(foreign.UnitId, 2026, 4));
            await Assert.ThrowsAsync<ScopeViolationException>(() => export.ExportAsync(m.Foreign.Id, 2026, 4));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(QuarterlyReport) && a.UnitId == foreign.UnitId));
        },
        ["TargetService.ListAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            var targets = CoreServices.CreateOn<TargetService>(new DateOnly(2026, 12, 1), new ActorContextFactory(m.Database, m.Actor));
            foreach (var parent in new[] { foreign.DistrictId, m.Foreign.Id, m.Foreign.ParentId ?? 0 })
            {
                var rows = await targets.ListAsync(parent, new PageRequest(0, 100));
                Assert.DoesNotContain(rows.Items, r => r.UnitId == foreign.UnitId || r.UnitId == m.Foreign.Id);
            }
        },
        ["TargetService.SetAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            var targets = CoreServices.Create<TargetService>(new ActorContextFactory(m.Database, m.Actor));
            await Assert.ThrowsAsync<ScopeViolationException>(() =>
                targets.SetAsync(foreign.UnitId, TargetIndicator.HouseholdsCovered, 90, new DateOnly(2026, 12, 31), 0));
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.Targets.AnyAsync(t => t.UnitId == foreign.UnitId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.EntityType == nameof(Target)));
        },
        ["HouseholdImport.CreateTemplateAsync"] = async m =>
        {
            if (!HouseholdImport.CanImport(m.Actor))
            {
                await Assert.ThrowsAsync<ScopeViolationException>(() => m.HouseholdImport.CreateTemplateAsync());
                return;
            }

            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await m.HouseholdImport.CreateTemplateAsync()));
            var codes = workbook.Worksheet("Danh sách thôn").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
            Assert.NotEmpty(codes);
            Assert.DoesNotContain(m.ForeignVillage.Code, codes);
        },
        ["HouseholdImport.ImportAsync"] = async m =>
        {
            var file = Households.HouseholdSheets.Workbook([Households.HouseholdSheets.Row(m.ForeignVillage.Code, "Hộ Giả Mạo")]);
            if (!HouseholdImport.CanImport(m.Actor))
            {
                await Assert.ThrowsAsync<ScopeViolationException>(() => m.HouseholdImport.ImportAsync(file));
            }
            else
            {
                var result = await m.HouseholdImport.ImportAsync(file);
                Assert.Contains(result.Errors, e => e.Row == 2 && e.Message == HouseholdImportMessages.OutsideScope(m.ForeignVillage.Code));
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.Households.AnyAsync(h => h.HeadName == "Hộ Giả Mạo"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.EntityType == nameof(Household)));
        },
        ["HouseholdExport.PrepareAsync"] = async m =>
        {
            foreach (var unit in new[] { m.Foreign, m.ForeignVillage })
            {
                await Assert.ThrowsAsync<ScopeViolationException>(() => m.HouseholdExport.PrepareAsync(unit.Id, HouseholdFilter.None, null));
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.UnitId == m.Foreign.Id));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.UserId == m.Actor.UserId && a.UnitId == m.Foreign.Id));
        },
        ["HouseholdExport.WriteAsync"] = async m =>
        {
            // A request object forged for the sibling (PrepareAsync would refuse it) still reads through the scope filter.
            var forged = new HouseholdExportRequest(m.Foreign.Id, m.Foreign.Level, HouseholdFilter.None, null, new DateOnly(2026, 11, 28), "x.xlsx");
            using var file = new MemoryStream();
            await m.HouseholdExport.WriteAsync(forged, file);
            file.Position = 0;
            Assert.Empty(MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: HouseholdExport.SheetName));
        },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task NoServiceMethod_ReachesTheSiblingUnit(AppRole role, string own, string foreign, string foreignVillage)
    {
        var units = UnitsByName();
        await using var host = new AccountTestHost(Database);
        var me = await host.AddAccountAsync($"me-{own}@test.vn", "Cán Bộ Thử", role, units[own]);
        var other = await host.AddAccountAsync($"other-{foreignVillage}@test.vn", "Trưởng Thôn Khác", AppRole.VillageLeader, units[foreignVillage]);
        // Something in the sibling's audit trail that must stay invisible, and a visit in the sibling village.
        int foreignHouseholdId;
        await using (var system = Database.CreateSystemContext())
        {
            var household = MiniProvince.NewHousehold(units[foreignVillage], "Hộ Bên Kia");
            system.Households.Add(household);
            await system.SaveChangesAsync();
            foreignHouseholdId = household.Id;
            system.HouseholdVisits.Add(new HouseholdVisit
            {
                UnitId = household.UnitId, HouseholdId = household.Id, VisitedOn = new DateOnly(2026, 1, 2), Outcome = VisitOutcome.Guided,
                ClientRequestId = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow,
            });
            await system.SaveChangesAsync();
        }

        var actor = MiniProvince.ActorFor(units[own], me.Id) with { UserName = me.Email };
        var factory = new ActorContextFactory(Database, actor);
        var context = new MatrixContext(Database, actor, units[own], units[foreign], units[foreignVillage], other,
            CoreServices.Create<UnitDirectoryService>(factory), new AuditQueryService(factory), host.ServiceFor(actor), host.ImportFor(actor),
            CoreServices.Create<TeamService>(factory, Options.Create(new TeamOptions())),
            CoreServices.Create<HouseholdService>(factory), foreignHouseholdId,
            CoreServices.Create<TeamRosterService>(factory), CoreServices.Create<TeamMergeService>(factory),
            CoreServices.Create<TeamGovernanceService>(factory, Options.Create(new AttachmentOptions())), CoreServices.Create<TeamActivityService>(factory),
            CoreServices.Create<TeamExcelService>(factory),
            CoreServices.Create<HouseholdImport>(factory), CoreServices.Create<HouseholdExport>(factory));

        var failures = new List<string>();
        foreach (var (method, check) in Cases)
        {
            try
            {
                await check(context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"{method}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{role} of {own} reached {foreign}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task NoScopedTable_ShowsTheSiblingsRows(AppRole role, string own, string foreign, string foreignVillage)
    {
        _ = role;
        var units = UnitsByName();
        await using var db = Database.CreateContext(MiniProvince.ActorFor(units[own]));
        var foreignUnit = units[foreign];
        var foreignIds = new[] { foreignUnit.Id, units[foreignVillage].Id };
        // Every scoped entity type, through the model, so a new one is covered without editing this test.
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => typeof(IUnitScoped).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            var rows = await ((IQueryable<IUnitScoped>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!).ToListAsync();
            Assert.DoesNotContain(rows, r => foreignIds.Contains(r.DistrictId ?? 0) || foreignIds.Contains(r.CommuneId ?? 0) || foreignIds.Contains(r.VillageId ?? 0));
        }
    }

    [Fact]
    public void EveryPublicServiceMethod_IsInTheMatrix()
    {
        var services = typeof(UnitDirectoryService).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("BacGiang.Cnscd.Core.Features", StringComparison.Ordinal) == true
                && (t.Name.EndsWith("Service", StringComparison.Ordinal) || t.Name == nameof(AuditLog) || t.Name.EndsWith("Import", StringComparison.Ordinal)
                    || t.Name.EndsWith("Export", StringComparison.Ordinal)));
        var methods = services
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && (!m.IsStatic || typeof(Task).IsAssignableFrom(m.ReturnType)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();
        Assert.NotEmpty(methods);
        var missing = methods.Where(m => !Cases.ContainsKey(m)).ToList();
        Assert.True(missing.Count == 0, "Add these to the isolation matrix: " + string.Join(", ", missing));
    }

    private static DashboardService DashboardsFor(MatrixContext m) =>
        CoreServices.Create<DashboardService>(new ActorContextFactory(m.Database, m.Actor), Options.Create(new TeamOptions()));
    private static ReportNarrative ForgedNarrative => new("Giả mạo", "Giả mạo", "Giả mạo");

    private static HouseholdVisitService Visits(MatrixContext m) => CoreServices.Create<HouseholdVisitService>(new ActorContextFactory(m.Database, m.Actor));

    private static HouseholdAssistanceService Assistance(MatrixContext m) => CoreServices.Create<HouseholdAssistanceService>(new ActorContextFactory(m.Database, m.Actor));

    private static ReportQueryService Reports(MatrixContext m) => CoreServices.Create<ReportQueryService>(new ActorContextFactory(m.Database, m.Actor));

    private static ReportWorkflowService Workflow(MatrixContext m) => CoreServices.Create<ReportWorkflowService>(new ActorContextFactory(m.Database, m.Actor));

    /// <summary>
    /// A submitted Q4 2026 report of the sibling (the sibling commune or district itself, or the commune of the sibling
    /// village), created once per matrix run as the system.
    /// </summary>
    private static async Task<(int ReportId, int UnitId, int DistrictId, int Version, int SubmissionId)> ForeignReportAsync(MatrixContext m)
    {
        var unit = m.Foreign.Level is UnitLevel.Commune or UnitLevel.District ? m.Foreign : m.Foreign.Parent ?? await ParentAsync(m, m.Foreign);
        await using var db = m.Database.CreateSystemContext();
        var report = await db.QuarterlyReports.Include(r => r.Submissions).FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == 2026 && r.Quarter == 4);
        if (report is null)
        {
            report = new QuarterlyReport { UnitId = unit.Id, Year = 2026, Quarter = 4, DueDate = new DateOnly(2026, 12, 15) };
            report.Submit(new ReportNarrative("Của đơn vị khác", "Của đơn vị khác", "Của đơn vị khác"), "{\"asOf\":\"2026-12-31\",\"rows\":[],\"targets\":[]}",
                "system", DateTime.UtcNow);
            db.QuarterlyReports.Add(report);
            await db.SaveChangesAsync();
        }

        return (report.Id, unit.Id, report.DistrictId ?? unit.Id, report.Version, report.Submissions.Single().Id);
    }

    private static async Task<AdministrativeUnit> ParentAsync(MatrixContext m, AdministrativeUnit unit)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.ParentId);
    }

    private static async Task AssertForeignReportUnchangedAsync(MatrixContext m, (int ReportId, int UnitId, int DistrictId, int Version, int SubmissionId) foreign)
    {
        await using var db = m.Database.CreateSystemContext();
        var stored = await db.QuarterlyReports.AsNoTracking().SingleAsync(r => r.Id == foreign.ReportId);
        Assert.Equal((ReportStatus.Submitted, foreign.Version, "Của đơn vị khác"), (stored.Status, stored.Version, stored.Results));
        Assert.Equal(1, await db.QuarterlyReportSubmissions.CountAsync(s => s.ReportId == foreign.ReportId));
    }

    /// <summary>The sibling village's team as stored, read as the system.</summary>
    private static async Task<Team> ForeignTeamAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == m.ForeignVillage.Id);
    }

    /// <summary>The actor's own team (none for a district), read as the system.</summary>
    private static async Task<Team?> OwnTeamAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.UnitId == m.Own.Id);
    }

    /// <summary>A member of the sibling village's team (created once), read as the system.</summary>
    private static async Task<TeamMember> ForeignMembershipAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        var team = await db.Teams.SingleAsync(t => t.UnitId == m.ForeignVillage.Id);
        var member = await db.TeamMembers.AsNoTracking().Where(t => t.TeamId == team.Id && t.Person!.FullName == "Thành Viên Bên Kia").OrderBy(t => t.Id).FirstOrDefaultAsync();
        if (member is not null)
        {
            return member;
        }

        var created = new TeamMember
        {
            UnitId = m.ForeignVillage.Id, TeamId = team.Id, StartDate = new DateOnly(2025, 1, 1),
            Person = new Person { UnitId = m.ForeignVillage.Id, FullName = "Thành Viên Bên Kia", FullNameSearch = "thanh vien ben kia", BirthYear = 1980, Phone = "0944000777" },
        };
        db.TeamMembers.Add(created);
        await db.SaveChangesAsync();
        return created;
    }

    /// <summary>The forged request is on record, by this actor, against the id it tried to reach.</summary>
    private static async Task AssertRefusedAsync(MatrixContext m, string entityType, int id)
    {
        await using var db = m.Database.CreateSystemContext();
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
            && a.EntityType == entityType && a.EntityId == entityId), $"no refusal on record for {entityType} {id}");
    }

    private Dictionary<string, AdministrativeUnit> UnitsByName() => new()
    {
        ["D1"] = Mini.D1, ["D2"] = Mini.D2, ["C1"] = Mini.C1, ["C2"] = Mini.C2, ["C3"] = Mini.C3,
        ["V11"] = Mini.V11, ["V12"] = Mini.V12, ["V21"] = Mini.V21, ["V31"] = Mini.V31,
    };
}

internal static class ActorRole
{
    /// <summary>The role implied by the actor's scope level (the matrix's actors are bound to their level).</summary>
    public static AppRole Role(this Actor actor) => actor.Scope switch
    {
        { VillageId: not null } => AppRole.VillageLeader,
        { CommuneId: not null } => AppRole.CommuneOfficer,
        { DistrictId: not null } => AppRole.DistrictOfficer,
        _ => AppRole.ProvinceAdmin,
    };
}

public sealed class SqliteServiceIsolationMatrixTests() : ServiceIsolationMatrixTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlServiceIsolationMatrixTests() : ServiceIsolationMatrixTests(DatabaseProvider.PostgreSql);
