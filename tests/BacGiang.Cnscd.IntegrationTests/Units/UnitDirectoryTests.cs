using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Units;

public abstract class UnitDirectoryTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private UnitDirectoryService ServiceFor(Actor actor) => CoreServices.Create<UnitDirectoryService>(new ActorContextFactory(Database, actor));

    [Fact]
    public async Task Province_ListsDistrictsWithSubtreeCounts()
    {
        var service = ServiceFor(MiniProvince.ActorFor(Mini.Province));
        var page = await service.GetChildrenAsync(Mini.Province.Id, new PageRequest(0, 20), null);

        Assert.Equal(2, page.TotalCount);
        var lucNam = page.Items.Single(r => r.Name == "Huyện Lục Nam");
        Assert.Equal(3, lucNam.Villages);    // V11, V12, V31
        Assert.Equal(5, lucNam.Teams);       // C1, C3, V11, V12, V31
        Assert.Equal(9, lucNam.Households);  // three per village
    }

    [Fact]
    public async Task Children_AreSearchable_WithoutDiacritics_AndPaged()
    {
        var service = ServiceFor(MiniProvince.ActorFor(Mini.D1));
        var found = await service.GetChildrenAsync(Mini.D1.Id, new PageRequest(0, 20), "dong hung");
        Assert.Equal(["Xã Đông Hưng"], found.Items.Select(r => r.Name));

        var firstPage = await service.GetChildrenAsync(Mini.D1.Id, new PageRequest(0, 1), null);
        var secondPage = await service.GetChildrenAsync(Mini.D1.Id, new PageRequest(1, 1), null);
        Assert.Equal(2, firstPage.TotalCount);
        Assert.Single(firstPage.Items);
        Assert.NotEqual(firstPage.Items[0].Id, secondPage.Items[0].Id);
    }

    [Fact]
    public async Task UnitOfAnotherCommune_IsNotFound()
    {
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));
        Assert.Null(await service.GetAsync(Mini.C2.Id));
        Assert.Null(await service.GetTotalsAsync(Mini.V21.Id));
        Assert.Empty((await service.GetChildrenAsync(Mini.C2.Id, new PageRequest(0, 20), null)).Items);
    }

    [Fact]
    public async Task Root_IsTheTopOfTheScope_AndTheBreadcrumbStopsThere()
    {
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));
        var root = await service.GetRootAsync();
        Assert.Equal(Mini.C1.Id, root!.Id);

        var village = await service.GetAsync(Mini.V11.Id);
        Assert.Equal(["Thị trấn Đồi Ngô", "Tổ dân phố số 1"], village!.Path.Select(p => p.Name));
    }
}

public sealed class SqliteUnitDirectoryTests() : UnitDirectoryTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlUnitDirectoryTests() : UnitDirectoryTests(DatabaseProvider.PostgreSql);
