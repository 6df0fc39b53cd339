using System.Text;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Restructuring;

/// <summary>
/// The general tool of issue 12 on a generated province, on both engines: one plan that merges a village into its
/// neighbour, splits part of a village off into a new village of another commune, and moves a village to that commune —
/// previewed, applied (nothing lost, the summaries verify, the province's figures unchanged, accounts follow), refused a
/// second time, and undone back to every table as it was; undo refused once a visit was written; bad plans refused row by row.
/// </summary>
public abstract class VillagePlanTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Effective = new(2026, 1, 1);

    private TestDatabase _database = null!;
    private int _provinceId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateSystemContext();
        await new ProvinceSeeder(db).SeedAsync(new SeedOptions
        {
            Households = 600, CommunesWithHouseholdsPerDistrict = 1, VisitsPerHousehold = 2, Today = db.Clock.Today,
        }, null, CancellationToken.None);
        _provinceId = await db.Units.Where(u => u.Level == UnitLevel.Province).Select(u => u.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Actor Admin => new("admin-1", "admin@bacgiang.gov.vn", _provinceId, DataScope.WholeProvince, Role: AppRole.ProvinceAdmin);

    private RestructuringService Service() => CoreServices.Create<RestructuringService>(new ActorContextFactory(_database, Admin));

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Four villages with households in one commune — merged (A into B), split (C, the households of one hamlet go) and
    /// moved (D) — and a commune of another district that receives the split-off village and D.
    /// </summary>
    private sealed record Scene(AdministrativeUnit A, AdministrativeUnit B, AdministrativeUnit C, AdministrativeUnit D, AdministrativeUnit Commune,
        AdministrativeUnit Other, string Hamlet, List<int> Leaving)
    {
        public string Plan => VillagePlanReader.Header + "\n"
            + $"merge,{A.Code},{A.Name},,{B.Code},,\n"
            + $"split,{C.Code},{C.Name},{Other.Code},{Other.Code}-31,Thôn Tách Mới,\"{Hamlet}\"\n"
            + $"move,{D.Code},{D.Name},{Other.Code},,,\n";
    }

    private async Task<Scene> SceneAsync()
    {
        await using var db = _database.CreateSystemContext();
        var communeId = await db.Households.OrderBy(h => h.Id).Select(h => h.CommuneId!.Value).FirstAsync();
        var commune = await db.Units.SingleAsync(u => u.Id == communeId);
        var withHouseholds = await db.Units.Where(u => u.ParentId == communeId && db.Households.Any(h => h.UnitId == u.Id))
            .OrderBy(u => u.Code).ToListAsync();
        Assert.True(withHouseholds.Count >= 4, "the seeded commune has four villages with households");
        // C: a village whose households live in more than one hamlet ("Xóm n, Thôn …"), so one hamlet can leave.
        foreach (var c in withHouseholds.Skip(2))
        {
            var addresses = await db.Households.Where(h => h.UnitId == c.Id).OrderBy(h => h.Id).Select(h => new { h.Id, h.Address }).ToListAsync();
            var hamlet = addresses[0].Address.Split(',')[0];
            var leaving = addresses.Where(a => a.Address.Split(',')[0] == hamlet).Select(a => a.Id).ToList();
            if (leaving.Count < addresses.Count)
            {
                var d = withHouseholds.First(v => v.Id != c.Id && v.Id != withHouseholds[0].Id && v.Id != withHouseholds[1].Id);
                var other = await db.Units.Where(u => u.Level == UnitLevel.Commune && u.ParentId != commune.ParentId).OrderBy(u => u.Code).FirstAsync();
                return new Scene(withHouseholds[0], withHouseholds[1], c, d, commune, other, hamlet, leaving);
            }
        }

        throw new InvalidOperationException("no village of the seeded commune has two hamlets");
    }

    [Fact]
    public async Task MergeSplitAndMove_KeepEveryTotal_FollowTheTree_AndUndoGivesBackEveryTable()
    {
        var scene = await SceneAsync();
        var (leaderA, leaderD) = await AddLeadersAsync(scene);
        var tablesBefore = await DatabaseTables.ReadAsync(_database);
        var countsBefore = await CountsAsync();
        var figuresBefore = await ProvinceFiguresAsync();
        int householdsA, householdsB, householdsD, peopleA, membersA;
        await using (var db = _database.CreateSystemContext())
        {
            householdsA = await db.Households.CountAsync(h => h.UnitId == scene.A.Id);
            householdsB = await db.Households.CountAsync(h => h.UnitId == scene.B.Id);
            householdsD = await db.Households.CountAsync(h => h.UnitId == scene.D.Id);
            peopleA = await db.People.CountAsync(p => p.UnitId == scene.A.Id);
            membersA = await db.TeamMembers.CountAsync(m => m.UnitId == scene.A.Id && m.EndDate == null);
        }

        // The preview says what each line moves, and writes nothing.
        var preview = await Service().PreviewAsync(Csv(scene.Plan), Effective);
        Assert.True(preview.Succeeded, string.Join("\n", preview.Errors.Select(e => $"{e.Row}: {e.Message}")));
        var lines = preview.Villages!.Changes;
        Assert.Equal([VillageAction.Merge, VillageAction.Split, VillageAction.Move], lines.Select(l => l.Action));
        Assert.Equal((householdsA, peopleA, membersA, 1), (lines[0].Households, lines[0].People, lines[0].MembersEnded, lines[0].Accounts));
        Assert.Equal(scene.Leaving.Count, lines[1].Households);
        Assert.Equal((householdsD, 1), (lines[2].Households, lines[2].Accounts));
        Assert.True(peopleA > 0 && membersA > 0, "the merged village has a team with members");
        DatabaseTables.AssertSame(tablesBefore, await DatabaseTables.ReadAsync(_database));
        Assert.Contains("Thôn Tách Mới", RestructuringReport.Format(preview), StringComparison.Ordinal);

        var applied = await Service().ApplyAsync(Csv(scene.Plan), Effective);

        Assert.True(applied.Succeeded, string.Join("\n", applied.Errors.Select(e => $"{e.Row}: {e.Message}")));
        await using (var db = _database.CreateSystemContext())
        {
            // Merge: A closes into B; its households, visits and people are B's; its team is closed with its roster.
            var a = await db.Units.SingleAsync(u => u.Id == scene.A.Id);
            Assert.Equal((Effective.AddDays(-1), (int?)scene.B.Id), (a.ValidTo, a.SuccessorId));
            Assert.Equal((0, householdsA + householdsB), (await db.Households.CountAsync(h => h.UnitId == scene.A.Id), await db.Households.CountAsync(h => h.UnitId == scene.B.Id)));
            Assert.Equal(0, await db.People.CountAsync(p => p.UnitId == scene.A.Id));
            Assert.All(await db.Teams.Where(t => t.UnitId == scene.A.Id).ToListAsync(), t => Assert.Equal(Effective.AddDays(-1), t.ClosedOn));
            Assert.Equal(0, await db.TeamMembers.CountAsync(m => m.UnitId == scene.A.Id && (m.EndDate == null || m.EndDate >= Effective)));

            // Split: the hamlet's households form the new village under the other commune, with an empty team of its own.
            var created = await db.Units.SingleAsync(u => u.Code == scene.Other.Code + "-31");
            Assert.Equal((UnitLevel.Village, scene.Other.Id, scene.Other.Id, scene.Other.DistrictId, Effective),
                (created.Level, created.ParentId!.Value, created.CommuneId!.Value, created.DistrictId, created.ValidFrom));
            Assert.Equal(scene.Leaving.Order(), await db.Households.Where(h => h.UnitId == created.Id).Select(h => h.Id).OrderBy(id => id).ToListAsync());
            Assert.Equal(0, await db.Households.CountAsync(h => h.UnitId == created.Id && (h.CommuneId != scene.Other.Id || h.DistrictId != scene.Other.DistrictId)));
            Assert.Equal(1, await db.Teams.CountAsync(t => t.UnitId == created.Id && t.Level == UnitLevel.Village));

            // Move: D and every row in it sit under the other commune.
            var d = await db.Units.SingleAsync(u => u.Id == scene.D.Id);
            Assert.Equal((scene.Other.Id, scene.Other.Id, scene.Other.DistrictId), (d.ParentId!.Value, d.CommuneId!.Value, d.DistrictId));
            Assert.Equal(householdsD, await db.Households.CountAsync(h => h.UnitId == scene.D.Id && h.CommuneId == scene.Other.Id));
            Assert.Equal(0, await db.VillageQuarterSummaries.CountAsync(s => s.UnitId == scene.D.Id && s.CommuneId != scene.Other.Id));

            // Every visit sits where its household does; no current row under the closed village.
            Assert.Equal(0, await db.HouseholdVisits.CountAsync(v => db.Households.Any(h => h.Id == v.HouseholdId && (h.UnitId != v.UnitId || h.CommuneId != v.CommuneId))));
            Assert.Equal(0, await db.Households.CountAsync(h => h.VillageId == scene.A.Id));

            // Accounts: A's leader now leads B; D's keeps D; both sign in again.
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
            Assert.Equal(scene.B.Id, users[leaderA.Id].UnitId);
            Assert.Equal(scene.D.Id, users[leaderD.Id].UnitId);
            Assert.NotEqual(leaderA.SecurityStamp, users[leaderA.Id].SecurityStamp);
            Assert.NotEqual(leaderD.SecurityStamp, users[leaderD.Id].SecurityStamp);

            // The summaries agree with the households.
            Assert.Empty((await SummaryMaintenance.VerifyAsync(db, repair: false, db.Clock.UtcNow)).Differences);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.Restructure));
        }

        Assert.Equal(countsBefore with { Teams = countsBefore.Teams + 1 }, await CountsAsync());
        Assert.Equal(figuresBefore, await ProvinceFiguresAsync());

        // The same plan again is refused line by line (A is closed, D is in the other commune, the new code is taken).
        var again = await Service().ApplyAsync(Csv(scene.Plan), Effective);
        Assert.False(again.Succeeded);
        Assert.Equal([2, 3, 4], again.Errors.Select(e => e.Row).Order());

        var undone = await Service().UndoAsync(applied.JournalId!.Value);

        Assert.True(undone.Succeeded, undone.Error);
        DatabaseTables.AssertSame(tablesBefore, await DatabaseTables.ReadAsync(_database));
        Assert.True(Assert.Single(await Service().ListAsync()).IsUndone);
    }

    [Fact]
    public async Task Undo_IsRefused_OnceAVisitIsRecordedInAMergedVillage()
    {
        var scene = await SceneAsync();
        var applied = await Service().ApplyAsync(Csv(scene.Plan), Effective);
        Assert.True(applied.Succeeded);
        await using (var db = _database.CreateSystemContext())
        {
            var household = await db.Households.FirstAsync(h => h.UnitId == scene.B.Id);
            db.HouseholdVisits.Add(new HouseholdVisit
            {
                UnitId = scene.B.Id, HouseholdId = household.Id, VisitedOn = Effective.AddDays(3), Outcome = VisitOutcome.Guided,
                ClientRequestId = Guid.NewGuid(), CreatedAtUtc = db.Clock.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var before = await DatabaseTables.ReadAsync(_database);
        var undone = await Service().UndoAsync(applied.JournalId!.Value);

        Assert.False(undone.Succeeded);
        Assert.Contains("Đã có dữ liệu mới ghi vào các thôn đã sắp xếp (lượt thăm hộ)", undone.Error, StringComparison.Ordinal);
        DatabaseTables.AssertSame(before, await DatabaseTables.ReadAsync(_database));
    }

    [Theory]
    [InlineData("merge,{A},{AName},,XX-99,,", "Mã thôn nhận nhập XX-99 không có")]
    [InlineData("merge,{A},Thôn Không Có,,{B},,", "không phải “Thôn Không Có”")]
    [InlineData("merge,{A},{AName},,{A},,", "không thể nhập vào chính nó")]
    [InlineData("move,{A},{AName},{Commune},,,", "đã thuộc")]
    [InlineData("move,{A},{AName},{Other},{B},,", "Cột target_village_code phải để trống")]
    [InlineData("split,{C},{CName},{Other},{B},Thôn Trùng,Xóm 1", "trùng với đơn vị đang hiệu lực")]
    [InlineData("split,{C},{CName},{Other},{Other}-31,Thôn Mới,Xóm Không Có", "Không hộ nào")]
    [InlineData("split,{C},{CName},{Other},{Other}-31,Thôn Mới,", "cần cột addresses")]
    [InlineData("rename,{A},{AName},,,,", "Thao tác “rename” không hợp lệ")]
    [InlineData("merge,{A},{AName},,{B},", "7 cột, đang có 6")]
    [InlineData("move,99999-01,Thôn Lạ,{Other},,,", "Mã thôn 99999-01 không có")]
    public async Task ABadLine_IsRefusedWithItsRow_AndNothingChanges(string line, string message)
    {
        var scene = await SceneAsync();
        var text = VillagePlanReader.Header + "\n" + line.Replace("{AName}", scene.A.Name, StringComparison.Ordinal)
            .Replace("{CName}", scene.C.Name, StringComparison.Ordinal).Replace("{A}", scene.A.Code, StringComparison.Ordinal)
            .Replace("{B}", scene.B.Code, StringComparison.Ordinal).Replace("{C}", scene.C.Code, StringComparison.Ordinal)
            .Replace("{Commune}", scene.Commune.Code, StringComparison.Ordinal).Replace("{Other}", scene.Other.Code, StringComparison.Ordinal);
        var before = await DatabaseTables.ReadAsync(_database);

        var result = await Service().ApplyAsync(Csv(text), Effective);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        DatabaseTables.AssertSame(before, await DatabaseTables.ReadAsync(_database));
    }

    [Fact]
    public async Task AVillageListedTwice_OrChangedWhileItReceivesAMerge_IsRefused()
    {
        var scene = await SceneAsync();
        var text = VillagePlanReader.Header + "\n"
            + $"merge,{scene.A.Code},{scene.A.Name},,{scene.B.Code},,\n"
            + $"move,{scene.A.Code},{scene.A.Name},{scene.Other.Code},,,\n"
            + $"move,{scene.B.Code},{scene.B.Name},{scene.Other.Code},,,\n";

        var result = await Service().PreviewAsync(Csv(text), Effective);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Row == 2 && e.Message.Contains("cũng được sắp xếp ở dòng 4", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 3 && e.Message.Contains("đã có ở dòng 2", StringComparison.Ordinal));
    }

    private async Task<(AppUser A, AppUser D)> AddLeadersAsync(Scene scene)
    {
        await using var db = _database.CreateSystemContext();
        AppUser Leader(string email, int unitId) => new()
        {
            UserName = email, Email = email, FullName = email, Role = AppRole.VillageLeader, UnitId = unitId, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        var (a, d) = (Leader("thon-a@bacgiang.gov.vn", scene.A.Id), Leader("thon-d@bacgiang.gov.vn", scene.D.Id));
        db.Users.AddRange(a, d);
        await db.SaveChangesAsync();
        return (a, d);
    }

    private sealed record Counts(int Households, int Visits, int Skills, int Members, int People, int Teams, int SummaryHouseholds);

    private async Task<Counts> CountsAsync()
    {
        await using var db = _database.CreateSystemContext();
        return new Counts(await db.Households.CountAsync(), await db.HouseholdVisits.CountAsync(), await db.Households.SelectMany(h => h.Skills).CountAsync(),
            await db.TeamMembers.CountAsync(), await db.People.CountAsync(), await db.Teams.CountAsync(), await db.VillageSummaries.SumAsync(s => s.Households));
    }

    private async Task<string> ProvinceFiguresAsync()
    {
        var view = await CoreServices.Create<DashboardService>(new ActorContextFactory(_database, Admin)).GetAsync(null);
        return string.Join(",", HouseholdCounts.Counters.Select(c => $"{c}={view!.Totals.Households[c]}"));
    }
}

public sealed class SqliteVillagePlanTests() : VillagePlanTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlVillagePlanTests() : VillagePlanTests(DatabaseProvider.PostgreSql);
