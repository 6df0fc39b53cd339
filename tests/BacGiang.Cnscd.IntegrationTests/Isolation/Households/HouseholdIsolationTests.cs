using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Households;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Households;

/// <summary>
/// Households: the register, visits, assistance and assignment, the Excel import and export in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="HouseholdService"/>, <see cref="HouseholdImport"/>, <see cref="HouseholdExport"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class HouseholdIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
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
        ["HouseholdVisitService.RecentlyVisitedAsync"] = async m =>
        {
            Assert.Empty(await Visits(m).RecentlyVisitedAsync(m.ForeignVillage.Id, HouseholdVisitService.MaxRecent));
            Assert.Empty(await Visits(m).RecentlyVisitedAsync(m.Foreign.Id, HouseholdVisitService.MaxRecent));
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
            var file = HouseholdSheets.Workbook([HouseholdSheets.Row(m.ForeignVillage.Code, "Hộ Giả Mạo")]);
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

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["HouseholdService.RegisterAsync"] = async m =>
        {
            Assert.Contains((await m.Households.RegisterAsync(m.OwnVillage.Id, HouseholdFilter.None, null, new PageRequest(0, 100))).Items,
                r => r.Id == m.OwnHouseholdId);
            await AssertNothingRefusedAsync(m);
        },
        ["HouseholdService.GetAsync"] = async m => Assert.NotNull(await m.Households.GetAsync(m.OwnHouseholdId)),
        ["HouseholdVisitService.LogVisitAsync"] = async m =>
        {
            if (!HouseholdService.LogsVisits(m.Actor))
            {
                return; // district officers read visits, the commune and village log them
            }

            var member = await OwnMembershipAsync(m);
            var request = new VisitRequest(Guid.NewGuid(), m.OwnHouseholdId, new DateOnly(2026, 1, 5), member.Id, DigitalSkills.All, true, true, null);
            var result = await Visits(m).LogVisitAsync(request);
            Assert.True(result.Succeeded, result.Error);
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.HouseholdVisits.AnyAsync(v => v.ClientRequestId == request.ClientRequestId));
        },
        ["HouseholdAssistanceService.SetAssistanceAsync"] = async m =>
        {
            if (!HouseholdService.LogsVisits(m.Actor))
            {
                return; // as LogVisitAsync: assistance is kept by the commune and village
            }

            int version;
            await using (var db = m.Database.CreateSystemContext())
            {
                version = (await db.Households.SingleAsync(h => h.Id == m.OwnHouseholdId)).Version;
            }

            var result = await Assistance(m).SetAssistanceAsync(m.OwnHouseholdId, true, null, version);
            Assert.True(result.Succeeded, result.Error);
            await using var check = m.Database.CreateSystemContext();
            Assert.True((await check.Households.SingleAsync(h => h.Id == m.OwnHouseholdId)).NeedsAssistance);
        },
        ["HouseholdExport.PrepareAsync"] = async m =>
        {
            var request = await m.HouseholdExport.PrepareAsync(m.OwnVillage.Id, HouseholdFilter.None, null);
            using var file = new MemoryStream();
            await m.HouseholdExport.WriteAsync(request, file);
            file.Position = 0;
            Assert.NotEmpty(MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: HouseholdExport.SheetName));
        },
        ["HouseholdImport.CreateTemplateAsync"] = async m =>
        {
            if (!HouseholdImport.CanImport(m.Actor))
            {
                return; // as LogVisitAsync
            }

            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await m.HouseholdImport.CreateTemplateAsync()));
            Assert.Contains(m.OwnVillage.Code, workbook.Worksheet("Danh sách thôn").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteHouseholdIsolationTests() : HouseholdIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlHouseholdIsolationTests() : HouseholdIsolationTests(DatabaseProvider.PostgreSql);
