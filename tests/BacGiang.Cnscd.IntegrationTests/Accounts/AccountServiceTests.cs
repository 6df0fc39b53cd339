using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Accounts;

/// <summary>
/// Account management across the isolation matrix: accounts are not behind the query filter
/// (decision 004), so these tests are what proves the explicit subtree and role checks.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync, which xunit calls.")]
public abstract class AccountServiceTests(DatabaseProvider provider) : EngineTestBase(provider), IAsyncLifetime
{
    private const string GoodPassword = "Mat-khau-du-dai-2025";

    private AccountTestHost _host = null!;

    private AppUser _admin = null!;
    private AppUser _d1Officer = null!;
    private AppUser _c1Officer = null!;
    private AppUser _c2Officer = null!;
    private AppUser _v11Leader = null!;
    private AppUser _v12Leader = null!;
    private AppUser _v21Leader = null!;
    private AppUser _v31Leader = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _host = new AccountTestHost(Database);
        _admin = await _host.AddAccountAsync("admin@test.vn", "Quản Trị Sở", AppRole.ProvinceAdmin, Mini.Province);
        _d1Officer = await _host.AddAccountAsync("d1@test.vn", "Cán Bộ Lục Nam", AppRole.DistrictOfficer, Mini.D1);
        _c1Officer = await _host.AddAccountAsync("c1@test.vn", "Cán Bộ Đồi Ngô", AppRole.CommuneOfficer, Mini.C1);
        _c2Officer = await _host.AddAccountAsync("c2@test.vn", "Cán Bộ Đồng Tiến", AppRole.CommuneOfficer, Mini.C2);
        _v11Leader = await _host.AddAccountAsync("v11@test.vn", "Trần Thị Hằng", AppRole.VillageLeader, Mini.V11);
        _v12Leader = await _host.AddAccountAsync("v12@test.vn", "Nguyễn Văn Đức", AppRole.VillageLeader, Mini.V12);
        _v21Leader = await _host.AddAccountAsync("v21@test.vn", "Lê Văn Nam", AppRole.VillageLeader, Mini.V21);
        _v31Leader = await _host.AddAccountAsync("v31@test.vn", "Đỗ Thị Mai", AppRole.VillageLeader, Mini.V31);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _host.DisposeAsync();
        await DisposeAsync();
    }

    private AccountService As(AppUser account, AdministrativeUnit unit) => _host.ServiceFor(MiniProvince.ActorFor(unit, account.Id));

    private AccountService AsAdmin => As(_admin, Mini.Province);

    private AccountService AsD1 => As(_d1Officer, Mini.D1);

    private AccountService AsC1 => As(_c1Officer, Mini.C1);

    private async Task<AppUser?> FindAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        await using var db = Database.CreateSystemContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
    }

    private async Task<List<AuditEntry>> RefusalsAsync()
    {
        await using var db = Database.CreateSystemContext();
        return await db.AuditEntries.Where(a => a.Action == AuditActions.Refused).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task CommuneOfficer_CreatesVillageLeader_InOwnVillage()
    {
        var result = await AsC1.CreateAsync(new AccountRequest("Hoàng Văn Bình", "binh@test.vn", AppRole.VillageLeader, Mini.V12.Id), GoodPassword);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var created = await FindAsync("binh@test.vn");
        Assert.NotNull(created);
        Assert.Equal(AppRole.VillageLeader, created.Role);
        Assert.Equal(Mini.V12.Id, created.UnitId);
        Assert.True(created.IsActive);
        Assert.Equal("hoang van binh", created.FullNameSearch);

        await using var db = Database.CreateSystemContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == created.Id && a.Action == AuditActions.Create);
        Assert.Equal(_c1Officer.Id, audit.UserId);
        Assert.DoesNotContain(GoodPassword, audit.Changes, StringComparison.Ordinal);
        Assert.Empty(await RefusalsAsync());
    }

    [Fact]
    public async Task CommuneOfficer_CreatingInSiblingCommunesVillage_IsRefused_Audited_AndCreatesNothing()
    {
        var error = await Assert.ThrowsAsync<ScopeViolationException>(() =>
            AsC1.CreateAsync(new AccountRequest("Người Ngoài", "ngoai@test.vn", AppRole.VillageLeader, Mini.V31.Id), GoodPassword));

        Assert.Contains("ngoài phạm vi", error.Message, StringComparison.Ordinal);
        Assert.Null(await FindAsync("ngoai@test.vn"));
        var refusal = Assert.Single(await RefusalsAsync());
        Assert.Equal(_c1Officer.Id, refusal.UserId);
        Assert.Equal(Mini.V31.Id, refusal.UnitId);
        Assert.Equal(nameof(AppUser), refusal.EntityType);
        Assert.DoesNotContain(GoodPassword, refusal.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommuneOfficer_CannotCreateACommuneOfficer_NotEvenInOwnCommune()
    {
        var error = await Assert.ThrowsAsync<ScopeViolationException>(() =>
            AsC1.CreateAsync(new AccountRequest("Ngang Cấp", "ngang@test.vn", AppRole.CommuneOfficer, Mini.C1.Id), GoodPassword));

        Assert.Contains("không được cấp vai trò", error.Message, StringComparison.Ordinal);
        Assert.Null(await FindAsync("ngang@test.vn"));
        Assert.Single(await RefusalsAsync());
    }

    [Fact]
    public async Task DistrictOfficer_CreatesCommuneOfficer_InOwnDistrict_ButNotOnAUnitOfTheWrongLevel()
    {
        var ok = await AsD1.CreateAsync(new AccountRequest("Chủ Tịch Đông Hưng", "c3@test.vn", AppRole.CommuneOfficer, Mini.C3.Id), GoodPassword);
        Assert.True(ok.Succeeded, string.Join("; ", ok.Errors));

        // A commune officer bound to a village would get a village's scope under a commune's title.
        await Assert.ThrowsAsync<ScopeViolationException>(() =>
            AsD1.CreateAsync(new AccountRequest("Sai Cấp", "saicap@test.vn", AppRole.CommuneOfficer, Mini.V31.Id), GoodPassword));
        Assert.Null(await FindAsync("saicap@test.vn"));
    }

    [Fact]
    public async Task DistrictOfficer_CannotTouchAProvinceAdmin()
    {
        var service = AsD1;
        await Assert.ThrowsAsync<ScopeViolationException>(() => service.SetActiveAsync(_admin.Id, false));
        await Assert.ThrowsAsync<ScopeViolationException>(() => service.ResetPasswordAsync(_admin.Id, GoodPassword));
        await Assert.ThrowsAsync<ScopeViolationException>(() => service.UpdateAsync(_admin.Id,
            new AccountRequest("Bị Đổi Tên", "admin@test.vn", AppRole.ProvinceAdmin, Mini.Province.Id), _admin.ConcurrencyStamp!));

        var admin = await FindAsync("admin@test.vn");
        Assert.True(admin!.IsActive);
        Assert.Equal("Quản Trị Sở", admin.FullName);
        Assert.Equal(_admin.SecurityStamp, admin.SecurityStamp);
        Assert.Equal(3, (await RefusalsAsync()).Count);
    }

    [Fact]
    public async Task DistrictOfficer_CannotTouchAccountsOfTheOtherDistrict()
    {
        var service = AsD1;
        await Assert.ThrowsAsync<ScopeViolationException>(() => service.SetActiveAsync(_v21Leader.Id, false));
        await Assert.ThrowsAsync<ScopeViolationException>(() => service.ResetPasswordAsync(_c2Officer.Id, GoodPassword));
        // Nor pull an account of its own district over there.
        await Assert.ThrowsAsync<ScopeViolationException>(() => service.UpdateAsync(_v31Leader.Id,
            new AccountRequest("Đỗ Thị Mai", "v31@test.vn", AppRole.VillageLeader, Mini.V21.Id), _v31Leader.ConcurrencyStamp!));

        Assert.True((await FindAsync("v21@test.vn"))!.IsActive);
        Assert.Null((await FindAsync("c2@test.vn"))!.PasswordHash);
        Assert.Equal(Mini.V31.Id, (await FindAsync("v31@test.vn"))!.UnitId);
        var refusals = await RefusalsAsync();
        Assert.Equal([Mini.V21.Id, Mini.C2.Id, Mini.V21.Id], refusals.Select(r => r.UnitId));
    }

    [Fact]
    public async Task Nobody_ChangesOwnRoleUnitOrActiveFlag()
    {
        // The province admin manages every account, but not their own binding.
        await Assert.ThrowsAsync<ScopeViolationException>(() => AsAdmin.UpdateAsync(_admin.Id,
            new AccountRequest("Quản Trị Sở", "admin@test.vn", AppRole.ProvinceViewer, Mini.Province.Id), _admin.ConcurrencyStamp!));
        await Assert.ThrowsAsync<ScopeViolationException>(() => AsAdmin.SetActiveAsync(_admin.Id, false));
        // A commune officer cannot widen their own scope to the district, nor raise their role.
        await Assert.ThrowsAsync<ScopeViolationException>(() => AsC1.UpdateAsync(_c1Officer.Id,
            new AccountRequest("Cán Bộ Đồi Ngô", "c1@test.vn", AppRole.DistrictOfficer, Mini.D1.Id), _c1Officer.ConcurrencyStamp!));
        await Assert.ThrowsAsync<ScopeViolationException>(() => AsC1.UpdateAsync(_c1Officer.Id,
            new AccountRequest("Cán Bộ Đồi Ngô", "c1@test.vn", AppRole.CommuneOfficer, Mini.C3.Id), _c1Officer.ConcurrencyStamp!));

        var admin = await FindAsync("admin@test.vn");
        Assert.Equal(AppRole.ProvinceAdmin, admin!.Role);
        Assert.True(admin.IsActive);
        var officer = await FindAsync("c1@test.vn");
        Assert.Equal(AppRole.CommuneOfficer, officer!.Role);
        Assert.Equal(Mini.C1.Id, officer.UnitId);
        Assert.Equal(4, (await RefusalsAsync()).Count);
    }

    [Fact]
    public async Task Disabling_ChangesSecurityStampAndIsActive_AndAuditsOnlyTheFlag()
    {
        var result = await AsC1.SetActiveAsync(_v11Leader.Id, false);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var disabled = await FindAsync("v11@test.vn");
        Assert.False(disabled!.IsActive);
        Assert.NotEqual(_v11Leader.SecurityStamp, disabled.SecurityStamp);

        await using var db = Database.CreateSystemContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == _v11Leader.Id && a.Action == AuditActions.Update);
        Assert.Equal(_c1Officer.Id, audit.UserId);
        using var changes = JsonDocument.Parse(audit.Changes!);
        Assert.Equal([nameof(AppUser.IsActive)], changes.RootElement.GetProperty("after").EnumerateObject().Select(p => p.Name));

        var enabled = await AsC1.SetActiveAsync(_v11Leader.Id, true);
        Assert.True(enabled.Succeeded);
        Assert.True((await FindAsync("v11@test.vn"))!.IsActive);
    }

    [Fact]
    public async Task Update_WithAStaleConcurrencyStamp_GetsTheConflict()
    {
        var row = (await AsC1.ListAsync(new PageRequest(0, 20), "v11@")).Items.Single();
        var first = await AsD1.UpdateAsync(row.Id, new AccountRequest("Trần Thị Hằng Nga", row.Email, row.Role, row.UnitId), row.ConcurrencyStamp);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));

        var second = await AsC1.UpdateAsync(row.Id, new AccountRequest("Tên Cũ Ghi Đè", row.Email, row.Role, row.UnitId), row.ConcurrencyStamp);

        Assert.False(second.Succeeded);
        Assert.Contains("vừa được người khác sửa", Assert.Single(second.Errors), StringComparison.Ordinal);
        Assert.Equal("Trần Thị Hằng Nga", (await FindAsync("v11@test.vn"))!.FullName);
    }

    [Fact]
    public async Task MovingAnAccount_ChangesItsSecurityStamp()
    {
        var result = await AsC1.UpdateAsync(_v11Leader.Id, new AccountRequest("Trần Thị Hằng", "v11@test.vn", AppRole.VillageLeader, Mini.V12.Id),
            _v11Leader.ConcurrencyStamp!);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var moved = await FindAsync("v11@test.vn");
        Assert.Equal(Mini.V12.Id, moved!.UnitId);
        Assert.NotEqual(_v11Leader.SecurityStamp, moved.SecurityStamp);
    }

    [Fact]
    public async Task ShortPassword_GetsTheVietnameseMessage()
    {
        var created = await AsC1.CreateAsync(new AccountRequest("Mật Khẩu Ngắn", "ngan@test.vn", AppRole.VillageLeader, Mini.V11.Id), "Ng@n1");

        Assert.False(created.Succeeded);
        Assert.Contains("Mật khẩu quá ngắn: cần ít nhất 12 ký tự.", created.Errors);
        Assert.Null(await FindAsync("ngan@test.vn"));

        var reset = await AsC1.ResetPasswordAsync(_v11Leader.Id, "Ng@n1");
        Assert.False(reset.Succeeded);
        Assert.Contains("Mật khẩu quá ngắn: cần ít nhất 12 ký tự.", reset.Errors);
        Assert.Null((await FindAsync("v11@test.vn"))!.PasswordHash);
    }

    [Fact]
    public async Task ResetPassword_SetsAWorkingPassword_AndEndsSessions()
    {
        var result = await AsC1.ResetPasswordAsync(_v11Leader.Id, GoodPassword);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var account = await FindAsync("v11@test.vn");
        Assert.NotNull(account!.PasswordHash);
        Assert.NotEqual(_v11Leader.SecurityStamp, account.SecurityStamp);
        await using var db = Database.CreateSystemContext();
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Changes).ToListAsync(),
            c => c != null && (c.Contains(GoodPassword, StringComparison.Ordinal) || c.Contains(account.PasswordHash, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DuplicateEmail_GetsTheVietnameseMessage()
    {
        var result = await AsC1.CreateAsync(new AccountRequest("Trùng Thư", "V12@test.vn", AppRole.VillageLeader, Mini.V11.Id), GoodPassword);

        Assert.False(result.Succeeded);
        Assert.Equal(["Thư điện tử này đã được dùng cho một tài khoản khác."], result.Errors);
    }

    [Fact]
    public async Task List_AsCommuneOfficer_ReturnsOnlyItsOwnVillageLeaders()
    {
        var page = await AsC1.ListAsync(new PageRequest(0, 50), null);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([_v12Leader.Id, _v11Leader.Id], page.Items.Select(r => r.Id));   // ordered by name: Nguyễn before Trần
        Assert.All(page.Items, r => Assert.Equal(AppRole.VillageLeader, r.Role));
        Assert.Equal("Tổ dân phố số 1", page.Items.Single(r => r.Id == _v11Leader.Id).UnitName);
    }

    [Fact]
    public async Task List_IsSearchableWithoutDiacritics_ByNameOrEmail_AndPaged()
    {
        var byName = await AsD1.ListAsync(new PageRequest(0, 50), "tran thi");
        Assert.Equal([_v11Leader.Id], byName.Items.Select(r => r.Id));

        var byEmail = await AsD1.ListAsync(new PageRequest(0, 50), "V31@");
        Assert.Equal([_v31Leader.Id], byEmail.Items.Select(r => r.Id));

        // D1 manages C1's officer and the leaders of V11, V12, V31; not D2's, not itself, not the admin.
        var all = await AsD1.ListAsync(new PageRequest(0, 50), null);
        Assert.Equal(4, all.TotalCount);
        Assert.DoesNotContain(all.Items, r => r.Id == _v21Leader.Id || r.Id == _c2Officer.Id || r.Id == _d1Officer.Id || r.Id == _admin.Id);
        var second = await AsD1.ListAsync(new PageRequest(1, 3), null);
        Assert.Single(second.Items);
    }

    [Fact]
    public async Task NonManagers_ManageNobody()
    {
        var leader = As(_v11Leader, Mini.V11);
        Assert.Empty((await leader.ListAsync(new PageRequest(0, 50), null)).Items);
        Assert.Empty(await leader.GetGrantableRolesAsync());
        await Assert.ThrowsAsync<ScopeViolationException>(() => leader.SetActiveAsync(_v12Leader.Id, false));
        Assert.True((await FindAsync("v12@test.vn"))!.IsActive);
    }

    [Fact]
    public async Task AssignableUnits_AreTheRolesLevel_InsideTheSubtree()
    {
        var villages = await AsD1.ListAssignableUnitsAsync(AppRole.VillageLeader, null);
        Assert.Equal([Mini.V11.Id, Mini.V12.Id, Mini.V31.Id], villages.Select(u => u.Id).Order());

        var found = await AsD1.ListAssignableUnitsAsync(AppRole.CommuneOfficer, "dong hung");
        Assert.Equal([Mini.C3.Id], found.Select(u => u.Id));

        Assert.Equal([AppRole.CommuneOfficer, AppRole.VillageLeader], await AsD1.GetGrantableRolesAsync());
        Assert.Empty(await AsC1.ListAssignableUnitsAsync(AppRole.CommuneOfficer, null));
    }
}

public sealed class SqliteAccountServiceTests() : AccountServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAccountServiceTests() : AccountServiceTests(DatabaseProvider.PostgreSql);
