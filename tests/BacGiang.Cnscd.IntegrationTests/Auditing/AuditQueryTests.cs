using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Auditing;

/// <summary>The audit page's searches: by user, unit (and its subtree), entity, action and Vietnam calendar day, paged.</summary>
public abstract class AuditQueryTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private AuditQueryService ServiceFor(Actor actor) => new(new ActorContextFactory(Database, actor));

    private async Task ChangeAsHouseholdOfficerAsync(AdministrativeUnit village, string userName, string head)
    {
        var commune = village.ParentId == Mini.C1.Id ? Mini.C1 : village.ParentId == Mini.C2.Id ? Mini.C2 : Mini.C3;
        await using var db = Database.CreateContext(MiniProvince.ActorFor(commune, userName) with { UserName = userName });
        db.Households.Add(MiniProvince.NewHousehold(village, head));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Search_ByUserUnitEntityAndDay_FindsExactlyTheMatchingRows()
    {
        await ChangeAsHouseholdOfficerAsync(Mini.V11, "canbo.doingo@test.vn", "Nguyễn Văn An");
        await ChangeAsHouseholdOfficerAsync(Mini.V21, "canbo.dongtien@test.vn", "Trần Văn Bình");
        var audit = ServiceFor(MiniProvince.ActorFor(Mini.Province));
        var page = new PageRequest(0, 50);

        var byUser = await audit.SearchAsync(new AuditQuery(User: "canbo.doingo"), page);
        Assert.Equal(1, byUser.TotalCount);
        Assert.Equal("Tổ dân phố số 1", byUser.Items[0].UnitName);

        // The mini province's own set-up also created households there, as "system": the user filter leaves them out.
        var byCommune = await audit.SearchAsync(new AuditQuery(User: "canbo.", UnitCode: Mini.C2.Code, EntityType: nameof(Household)), page);
        Assert.Equal(1, byCommune.TotalCount);
        Assert.Equal(AuditActions.Create, byCommune.Items[0].Action);

        var today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));
        Assert.Equal(2, (await audit.SearchAsync(new AuditQuery(User: "canbo.", From: today, To: today), page)).TotalCount);
        Assert.Equal(0, (await audit.SearchAsync(new AuditQuery(User: "canbo.", To: today.AddDays(-1)), page)).TotalCount);
        Assert.Equal(0, (await audit.SearchAsync(new AuditQuery(UnitCode: "không-có"), page)).TotalCount);
    }

    [Fact]
    public async Task DistrictOfficer_SearchesOnlyTheirDistrict()
    {
        await ChangeAsHouseholdOfficerAsync(Mini.V21, "canbo.dongtien@test.vn", "Trần Văn Bình");
        var audit = ServiceFor(MiniProvince.ActorFor(Mini.D1));

        Assert.Equal(0, (await audit.SearchAsync(new AuditQuery(User: "canbo.dongtien"), new PageRequest(0, 50))).TotalCount);
        Assert.Equal(0, (await audit.SearchAsync(new AuditQuery(UnitCode: Mini.C2.Code), new PageRequest(0, 50))).TotalCount);
        Assert.All((await audit.SearchAsync(new AuditQuery(), new PageRequest(0, 100))).Items,
            r => Assert.NotEqual("Thôn Đồng Tâm", r.UnitName));
    }

    [Fact]
    public async Task Search_IsPagedNewestFirst()
    {
        for (var i = 0; i < 7; i++)
        {
            await ChangeAsHouseholdOfficerAsync(Mini.V12, "canbo.paging@test.vn", $"Chủ Hộ {i}");
        }

        var audit = ServiceFor(MiniProvince.ActorFor(Mini.Province));
        var first = await audit.SearchAsync(new AuditQuery(User: "canbo.paging"), new PageRequest(0, 5));
        var second = await audit.SearchAsync(new AuditQuery(User: "canbo.paging"), new PageRequest(1, 5));

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.AtUtc >= p.Second.AtUtc));
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
    }
}

public sealed class SqliteAuditQueryTests() : AuditQueryTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAuditQueryTests() : AuditQueryTests(DatabaseProvider.PostgreSql);
