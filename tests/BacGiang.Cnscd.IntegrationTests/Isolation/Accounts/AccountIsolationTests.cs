using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Accounts;

/// <summary>
/// Accounts and the village-leader import in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="AccountService"/>, <see cref="VillageLeaderImport"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class AccountIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
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
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        // Officers manage the accounts below them, a village leader none (AccountService.CanManage): the own village's
        // leader is on the list, in the units it may be given, and can be disabled, exactly when the actor manages leaders.
        ["AccountService.ListAsync"] = async m =>
            Assert.Equal(AccountService.CanManage(m.Actor.Role(), AppRole.VillageLeader),
                (await m.Accounts.ListAsync(new PageRequest(0, 100), null)).Items.Any(a => a.Id == m.OwnAccount.Id)),
        ["AccountService.ListAssignableUnitsAsync"] = async m =>
            Assert.Equal(AccountService.CanManage(m.Actor.Role(), AppRole.VillageLeader),
                (await m.Accounts.ListAssignableUnitsAsync(AppRole.VillageLeader, null)).Any(u => u.Id == m.OwnVillage.Id)),
        ["AccountService.SetActiveAsync"] = async m =>
        {
            if (!AccountService.CanManage(m.Actor.Role(), AppRole.VillageLeader))
            {
                return;
            }

            var result = await m.Accounts.SetActiveAsync(m.OwnAccount.Id, false);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            await using var db = m.Database.CreateSystemContext();
            Assert.False((await db.Users.SingleAsync(u => u.Id == m.OwnAccount.Id)).IsActive);
        },
        ["VillageLeaderImport.CreateTemplateAsync"] = async m =>
        {
            if (m.Actor.Role() != AppRole.CommuneOfficer)
            {
                return; // only a commune officer imports village leaders (see the sibling case)
            }

            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await m.Import.CreateTemplateAsync()));
            Assert.Contains(m.OwnVillage.Code, workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteAccountIsolationTests() : AccountIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAccountIsolationTests() : AccountIsolationTests(DatabaseProvider.PostgreSql);
