using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Recognition;

/// <summary>
/// The practice-model register through its services, on both engines: the workflow as a state machine (every allowed
/// step by the one who may take it; every step the state forbids refused with the workflow's message; every step by the
/// wrong account refused and audited once), two reviewers at once, the library read by every account without
/// diacritics, and bad input.
/// </summary>
public abstract class PracticeModelServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static PracticeModelInput Input(string title = "Mô hình thanh toán không dùng tiền mặt tại chợ Đồi Ngô") => new(
        title, DigitalSkills.OnlinePayment | DigitalSkills.OnlineShopping,
        "Tổ CNSCĐ hướng dẫn tiểu thương mở ví điện tử, in mã QR thanh toán cho từng sạp; đoàn viên trực mỗi phiên chợ.",
        120, 45, "85 % sạp nhận thanh toán bằng mã QR", new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30), "Nguyễn Văn Đức", "0912 345 678");

    private Actor ActorOf(AdministrativeUnit unit, string user) => MiniProvince.ActorFor(unit, user) with { UserName = user };

    private PracticeModelService Commands(AdministrativeUnit unit, string user) =>
        CoreServices.CreateOn<PracticeModelService>(Today, new ActorContextFactory(Database, ActorOf(unit, user)));

    private PracticeModelService Commands(Actor actor) => CoreServices.CreateOn<PracticeModelService>(Today, new ActorContextFactory(Database, actor));

    private PracticeLibraryService Library(AdministrativeUnit unit, string user) =>
        CoreServices.CreateOn<PracticeLibraryService>(Today, new ActorContextFactory(Database, ActorOf(unit, user)));

    private Actor Viewer => new("viewer", "viewer", Mini.Province.Id, DataScope.ForUnit(UnitLevel.Province, null, null, null), Role: AppRole.ProvinceViewer);

    private async Task<PracticeSaved> DraftOfV11Async(string? title = null)
    {
        var created = await Commands(Mini.V11, "leader-v11").CreateAsync(Mini.V11.Id, title is null ? Input() : Input(title));
        Assert.True(created.Succeeded, created.Error);
        return created.Value!;
    }

    /// <summary>A model of <paramref name="unit"/> placed straight into <paramref name="status"/> by the system (the arrange step of the state-machine tests).</summary>
    private async Task<PracticeModel> ModelInAsync(AdministrativeUnit unit, PracticeStatus status, string title = "Mô hình đặt sẵn")
    {
        await using var db = Database.CreateSystemContext();
        var model = new PracticeModel
        {
            UnitId = unit.Id, SubmitterLevel = unit.Level, Title = title, SearchText = Core.Text.VietnameseText.ToSearchKey(title), Skills = DigitalSkills.OnlinePublicServices,
            Description = "Mô tả", StartedOn = new DateOnly(2026, 1, 1), Year = 2026, ContactName = "Người Liên Hệ", Status = status,
            CreatedAtUtc = DateTime.UtcNow, PublishedAtUtc = PracticeWorkflow.IsPublic(status) ? DateTime.UtcNow : null,
        };
        db.PracticeModels.Add(model);
        await db.SaveChangesAsync();
        return model;
    }

    private async Task<PracticeModel> StoredAsync(int id)
    {
        await using var db = Database.CreateSystemContext();
        return await db.PracticeModels.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<int> RefusalsAsync(string user)
    {
        await using var db = Database.CreateSystemContext();
        return await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Refused && a.UserId == user && a.EntityType == nameof(PracticeModel));
    }

    /// <summary>The one who may take <paramref name="action"/> on a model of V11 in <paramref name="status"/>.</summary>
    private Actor RightfulActorFor(PracticeAction action, PracticeStatus status) => action switch
    {
        PracticeAction.Edit or PracticeAction.Submit => ActorOf(Mini.V11, "leader-v11"),
        PracticeAction.Accept => ActorOf(Mini.C1, "officer-c1"),
        PracticeAction.Return when status != PracticeStatus.Accepted => ActorOf(Mini.C1, "officer-c1"),
        _ => ActorOf(Mini.Province, "admin"),
    };

    private static Task<CommandResult<PracticeSaved>> TakeAsync(PracticeModelService service, PracticeAction action, int id, int version) => action switch
    {
        PracticeAction.Edit => service.SaveAsync(id, Input("Tên đã sửa"), version),
        PracticeAction.Submit => service.SubmitAsync(id, version),
        PracticeAction.Accept => service.AcceptAsync(id, "Đạt", version),
        PracticeAction.Return => service.ReturnAsync(id, "Bổ sung số liệu", version),
        PracticeAction.Publish => service.PublishAsync(id, version),
        PracticeAction.Feature => service.SetFeaturedAsync(id, true, version),
        PracticeAction.Unfeature => service.SetFeaturedAsync(id, false, version),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Fact]
    public async Task AVillageModel_GoesFromDraftToFeatured_EachStepByTheOneWhoMayTakeIt_AndEveryChangeIsAudited()
    {
        var draft = await DraftOfV11Async();
        Assert.Equal(PracticeStatus.Draft, draft.Status);

        var submitted = await Commands(Mini.V11, "leader-v11").SubmitAsync(draft.Id, draft.Version);
        Assert.True(submitted.Succeeded, submitted.Error);
        var accepted = await Commands(Mini.C1, "officer-c1").AcceptAsync(draft.Id, "Mô hình hay, nên nhân rộng", submitted.Value!.Version);
        Assert.True(accepted.Succeeded, accepted.Error);
        var published = await Commands(Mini.Province, "admin").PublishAsync(draft.Id, accepted.Value!.Version);
        Assert.True(published.Succeeded, published.Error);
        var featured = await Commands(Mini.Province, "admin").SetFeaturedAsync(draft.Id, true, published.Value!.Version);
        Assert.Equal(PracticeStatus.Featured, featured.Value!.Status);

        var stored = await StoredAsync(draft.Id);
        Assert.Equal((PracticeStatus.Featured, "Mô hình hay, nên nhân rộng"), (stored.Status, stored.ReviewComment));
        Assert.NotNull(stored.SubmittedAtUtc);
        Assert.NotNull(stored.PublishedAtUtc);
        Assert.Equal((Mini.D1.Id, Mini.C1.Id, Mini.V11.Id), (stored.DistrictId, stored.CommuneId, stored.VillageId));
        await using var db = Database.CreateSystemContext();
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(PracticeModel) && a.EntityId == draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
        Assert.Equal(["leader-v11", "leader-v11", "officer-c1", "admin", "admin"], audited.OrderBy(a => a.Id).Select(a => a.UserId));
        Assert.Contains("\"Status\":4", audited.OrderBy(a => a.Id).Last().Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnedModel_CarriesTheReason_IsEditedAndSubmittedAgain()
    {
        var draft = await DraftOfV11Async();
        var submitted = (await Commands(Mini.V11, "leader-v11").SubmitAsync(draft.Id, draft.Version)).Value!;
        var returned = await Commands(Mini.C1, "officer-c1").ReturnAsync(draft.Id, "Bổ sung số hộ đã mở tài khoản", submitted.Version);
        Assert.Equal(PracticeStatus.Returned, returned.Value!.Status);

        var detail = (await Library(Mini.V11, "leader-v11").GetAsync(draft.Id))!;
        Assert.Equal("Bổ sung số hộ đã mở tài khoản", detail.ReviewComment);
        Assert.Equal([PracticeAction.Edit, PracticeAction.Submit], detail.Available);
        var edited = await Commands(Mini.V11, "leader-v11").SaveAsync(draft.Id, Input() with { AccountsOpened = 60 }, detail.Version);
        Assert.True(edited.Succeeded, edited.Error);
        var again = await Commands(Mini.V11, "leader-v11").SubmitAsync(draft.Id, edited.Value!.Version);
        Assert.Equal(PracticeStatus.Submitted, again.Value!.Status);
        Assert.Equal(60, (await StoredAsync(draft.Id)).AccountsOpened);
    }

    /// <summary>Every (state, step) the workflow forbids, asked by the one who would otherwise have the right: the workflow's message, nothing changed.</summary>
    [Fact]
    public async Task EveryStepTheStateForbids_IsInvalid_AndChangesNothing()
    {
        var failures = new List<string>();
        foreach (var status in Enum.GetValues<PracticeStatus>())
        {
            foreach (var action in Enum.GetValues<PracticeAction>().Where(a => !PracticeWorkflow.Allows(status, a)))
            {
                var model = await ModelInAsync(Mini.V11, status);
                var actor = RightfulActorFor(action, status);
                // Rights that depend on the state (the Department returns only what was accepted) are the rights' question, not the state's.
                if (!PracticeRights.May(actor, new PracticeRights.PracticeUnit(Mini.V11.Id, UnitLevel.Village, Mini.C1.Id, UnitLevel.Commune), status, action))
                {
                    continue;
                }

                var result = await TakeAsync(Commands(actor), action, model.Id, model.Version);
                var stored = await StoredAsync(model.Id);
                if (result.Outcome != CommandOutcome.Invalid || result.Error != new PracticeTransitionException(status, action).Message
                    || stored.Status != status || stored.Version != model.Version)
                {
                    failures.Add($"{action} from {status}: {result.Outcome} {result.Error}, now {stored.Status} v{stored.Version}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every allowed step taken by an account that may not: refused, audited exactly once, nothing changed.</summary>
    [Fact]
    public async Task EveryAllowedStep_ByTheWrongAccount_IsRefusedAndAuditedOnce()
    {
        Actor[] everyone =
        [
            ActorOf(Mini.V11, "w-leader-v11"), ActorOf(Mini.V12, "w-leader-v12"), ActorOf(Mini.C1, "w-officer-c1"),
            ActorOf(Mini.D1, "w-officer-d1"), ActorOf(Mini.Province, "w-admin"), Viewer with { UserId = "w-viewer" },
        ];
        var unit = new PracticeRights.PracticeUnit(Mini.V11.Id, UnitLevel.Village, Mini.C1.Id, UnitLevel.Commune);
        var failures = new List<string>();
        var checkedSteps = 0;
        foreach (var (from, action, _) in PracticeWorkflow.AllTransitions)
        {
            foreach (var actor in everyone.Where(a => !PracticeRights.May(a, unit, from, action)))
            {
                var model = await ModelInAsync(Mini.V11, from);
                var before = await RefusalsAsync(actor.UserId!);
                CommandOutcome? outcome;
                try
                {
                    outcome = (await TakeAsync(Commands(actor), action, model.Id, model.Version)).Outcome;
                }
                catch (ScopeViolationException)
                {
                    outcome = null; // outside the actor's subtree altogether (V12's leader): the forged-id path
                }

                var stored = await StoredAsync(model.Id);
                var refusals = await RefusalsAsync(actor.UserId!) - before;
                checkedSteps++;
                if (outcome is not (CommandOutcome.Refused or null) || refusals != 1 || stored.Status != from || stored.Version != model.Version)
                {
                    failures.Add($"{action} from {from} by {actor.UserId}: {outcome}, {refusals} refusals, now {stored.Status}");
                }
            }
        }

        Assert.True(checkedSteps > 30, $"only {checkedSteps} wrong-account steps were tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ACommuneUnderTheProvince_IsReviewedByTheDepartment_ACommuneUnderADistrict_ByItsDistrict()
    {
        AdministrativeUnit reformed;
        await using (var db = Database.CreateSystemContext())
        {
            reformed = new AdministrativeUnit
            {
                Code = "25001", Name = "Xã Lục Nam", Level = UnitLevel.Commune, Kind = UnitKind.Commune, ParentId = Mini.Province.Id, ValidFrom = new DateOnly(2025, 7, 1),
            };
            db.Units.Add(reformed);
            await db.SaveChangesAsync();
        }

        var created = (await Commands(reformed, "officer-new").CreateAsync(reformed.Id, Input())).Value!;
        var submitted = (await Commands(reformed, "officer-new").SubmitAsync(created.Id, created.Version)).Value!;
        var awaiting = await Library(Mini.Province, "admin").ListWorkAsync(new PracticeWorkFilter(AwaitingMe: true), new PageRequest(0, 20));
        Assert.Equal([created.Id], awaiting.Items.Select(i => i.Id));
        // The district it no longer belongs to cannot even reach it.
        await Assert.ThrowsAsync<ScopeViolationException>(() => Commands(Mini.D1, "officer-d1").AcceptAsync(created.Id, null, submitted.Version));
        Assert.True((await Commands(Mini.Province, "admin").AcceptAsync(created.Id, null, submitted.Version)).Succeeded);

        var c1 = (await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, Input("Mô hình của thị trấn"))).Value!;
        var c1Submitted = (await Commands(Mini.C1, "officer-c1").SubmitAsync(c1.Id, c1.Version)).Value!;
        Assert.Equal([c1.Id], (await Library(Mini.D1, "officer-d1").ListWorkAsync(new PracticeWorkFilter(AwaitingMe: true), new PageRequest(0, 20))).Items.Select(i => i.Id));
        Assert.Equal(CommandOutcome.Refused, (await Commands(Mini.Province, "admin").AcceptAsync(c1.Id, null, c1Submitted.Version)).Outcome);
        Assert.True((await Commands(Mini.D1, "officer-d1").AcceptAsync(c1.Id, null, c1Submitted.Version)).Succeeded);
    }

    [Fact]
    public async Task TwoReviewersAtOnce_OneWins_TheOtherIsToldWhoActed_AndNothingOfTheirsIsWritten()
    {
        await using (var host = new AccountTestHost(Database))
        {
            var first = await host.AddAccountAsync("xa1@test.vn", "Cán Bộ Xã Một", AppRole.CommuneOfficer, Mini.C1);
            var second = await host.AddAccountAsync("xa2@test.vn", "Cán Bộ Xã Hai", AppRole.CommuneOfficer, Mini.C1);
            var draft = await DraftOfV11Async();
            var submitted = (await Commands(Mini.V11, "leader-v11").SubmitAsync(draft.Id, draft.Version)).Value!;

            var accept = Commands(ActorOf(Mini.C1, first.Id)).AcceptAsync(draft.Id, "Đạt", submitted.Version);
            var @return = Commands(ActorOf(Mini.C1, second.Id)).ReturnAsync(draft.Id, "Chưa đạt", submitted.Version);
            var results = await Task.WhenAll(accept, @return);

            Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            Assert.Equal(CommandOutcome.Conflict, loser.Outcome);
            var winnerName = results[0].Succeeded ? "Cán Bộ Xã Một" : "Cán Bộ Xã Hai";
            Assert.Equal(winnerName, loser.Conflict!.ByUserName);
            Assert.Contains(winnerName, loser.Error, StringComparison.Ordinal);
            var stored = await StoredAsync(draft.Id);
            Assert.Equal(results[0].Succeeded ? ("Đạt", PracticeStatus.Accepted) : ("Chưa đạt", PracticeStatus.Returned), (stored.ReviewComment, stored.Status));
            Assert.Equal(stored.Version, loser.Conflict.CurrentVersion);
        }
    }

    [Fact]
    public async Task TheLibrary_IsReadByEveryAccount_SearchedWithoutDiacritics_AndHoldsOnlyPublicModels()
    {
        var published = await ModelInAsync(Mini.V11, PracticeStatus.Published, "Mô hình thanh toán không dùng tiền mặt tại chợ Đồi Ngô");
        var featured = await ModelInAsync(Mini.C2, PracticeStatus.Featured, "Cách làm hay: đăng ký tài khoản định danh điện tử");
        var draft = await ModelInAsync(Mini.V21, PracticeStatus.Accepted, "Mô hình thanh toán chưa công bố");

        // A village leader of another district, typing without diacritics (đ → d included).
        var leader = Library(Mini.V31, "leader-v31");
        Assert.Equal([published.Id], (await leader.SearchAsync(new PracticeLibraryFilter("mo hinh thanh toan"), new PageRequest(0, 20))).Items.Select(c => c.Id));
        Assert.Equal([published.Id], (await leader.SearchAsync(new PracticeLibraryFilter("CHO doi ngo"), new PageRequest(0, 20))).Items.Select(c => c.Id));
        Assert.Equal([featured.Id], (await leader.SearchAsync(new PracticeLibraryFilter("dinh danh dien tu"), new PageRequest(0, 20))).Items.Select(c => c.Id));
        // Featured first; nothing unpublished, whoever reads.
        var all = await CoreServices.CreateOn<PracticeLibraryService>(Today, new ActorContextFactory(Database, Viewer)).SearchAsync(new PracticeLibraryFilter(), new PageRequest(0, 20));
        Assert.Equal([featured.Id, published.Id], all.Items.Select(c => c.Id));
        Assert.Equal("Tổ dân phố số 1, Thị trấn Đồi Ngô", all.Items[1].Where);
        var theirOwn = await Library(Mini.V21, "leader-v21").SearchAsync(new PracticeLibraryFilter("chua cong bo"), new PageRequest(0, 20));
        Assert.Empty(theirOwn.Items);

        // The page of a public model opens for anyone; another unit's unpublished one does not, and the attempt is on record.
        Assert.Equal("Mô hình thanh toán không dùng tiền mặt tại chợ Đồi Ngô", (await leader.GetAsync(published.Id))!.Title);
        Assert.Empty((await leader.GetAsync(published.Id))!.Available);
        Assert.Null(await leader.GetAsync(draft.Id));
        Assert.Equal(1, await RefusalsAsync("leader-v31"));
        Assert.NotNull(await Library(Mini.C2, "officer-c2").GetAsync(draft.Id));
    }

    [Fact]
    public async Task TheLibraryFilters_BySkillUnitYearAndLevel()
    {
        var village = await ModelInAsync(Mini.V11, PracticeStatus.Published, "Mô hình thôn");
        var commune = await ModelInAsync(Mini.C2, PracticeStatus.Published, "Mô hình xã");
        await using (var db = Database.CreateSystemContext())
        {
            var stored = await db.PracticeModels.SingleAsync(m => m.Id == commune.Id);
            stored.Skills = DigitalSkills.OnlineSafety;
            stored.Year = 2025;
            await db.SaveChangesAsync();
        }

        var library = Library(Mini.V31, "leader-v31");
        async Task<IEnumerable<int>> Ids(PracticeLibraryFilter filter) => (await library.SearchAsync(filter, new PageRequest(0, 20))).Items.Select(c => c.Id);
        Assert.Equal([commune.Id], await Ids(new PracticeLibraryFilter(Skill: DigitalSkills.OnlineSafety)));
        Assert.Equal([village.Id], await Ids(new PracticeLibraryFilter(CommuneId: Mini.C1.Id)));
        Assert.Equal([commune.Id], await Ids(new PracticeLibraryFilter(DistrictId: Mini.D2.Id)));
        Assert.Equal([village.Id], await Ids(new PracticeLibraryFilter(Year: 2026)));
        Assert.Equal([commune.Id], await Ids(new PracticeLibraryFilter(Level: UnitLevel.Commune)));
        Assert.Equal([2026, 2025], (await library.OptionsAsync()).Years);
    }

    [Fact]
    public async Task BadInput_GetsFieldMessages_AndStoresNothing()
    {
        var service = Commands(Mini.V11, "leader-v11");
        var result = await service.CreateAsync(Mini.V11.Id, new PracticeModelInput(" \u200B ", DigitalSkills.None, "", -1, 0, null,
            new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1), "", "12345"));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(
            [nameof(PracticeModelInput.ContactName), nameof(PracticeModelInput.ContactPhone),
                nameof(PracticeModelInput.Description), nameof(PracticeModelInput.HouseholdsReached), nameof(PracticeModelInput.Skills),
                nameof(PracticeModelInput.StartedOn), nameof(PracticeModelInput.Title)],
            result.FieldErrors.Keys.Order(StringComparer.Ordinal));
        var tooLong = await service.CreateAsync(Mini.V11.Id, Input() with { Description = new string('x', PracticeModelLimits.Description + 1) });
        Assert.Equal("Phần mô tả quá dài (tối đa 8.000 ký tự).", tooLong.FieldErrors[nameof(PracticeModelInput.Description)]);

        var draft = await DraftOfV11Async();
        var submitted = (await service.SubmitAsync(draft.Id, draft.Version)).Value!;
        var noReason = await Commands(Mini.C1, "officer-c1").ReturnAsync(draft.Id, "  ", submitted.Version);
        Assert.Equal(PracticeMessages.CommentRequired, noReason.FieldErrors["Comment"]);
        await using var db = Database.CreateSystemContext();
        Assert.Equal(1, await db.PracticeModels.CountAsync());
        Assert.Equal(PracticeStatus.Submitted, (await StoredAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task CreatingForAnotherUnit_IsRefusedAndAuditedOnce()
    {
        // A commune officer for one of its villages (the village's team submits its own), a leader for a sibling village, a viewer.
        foreach (var (actor, unit) in new[] { (ActorOf(Mini.C1, "c-officer-c1"), Mini.V11), (ActorOf(Mini.V11, "c-leader-v11"), Mini.V12),
                     (Viewer with { UserId = "c-viewer" }, Mini.V11) })
        {
            var result = await Commands(actor).CreateAsync(unit.Id, Input());
            Assert.Equal(CommandOutcome.Refused, result.Outcome);
            Assert.Equal(1, await RefusalsAsync(actor.UserId!));
        }

        await using var db = Database.CreateSystemContext();
        Assert.False(await db.PracticeModels.AnyAsync());
    }
}

public sealed class SqlitePracticeModelServiceTests() : PracticeModelServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlPracticeModelServiceTests() : PracticeModelServiceTests(DatabaseProvider.PostgreSql);
