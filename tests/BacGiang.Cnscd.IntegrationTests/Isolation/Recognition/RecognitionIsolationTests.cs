using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Recognition;

/// <summary>
/// Recognition in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="PracticeModelService"/> and <see cref="PracticeLibraryService"/> against the sibling's models, and the same
/// calls on the actor's own. The library shares published models with every account by design, so its sibling case is
/// that nothing unpublished of the sibling's appears, whoever asks.
/// </summary>
public abstract class RecognitionIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly PracticeModelInput Input = new("Mô hình xâm nhập", DigitalSkills.OnlinePayment, "Mô tả", 1, 1, null,
        new DateOnly(2026, 1, 1), null, "Người Lạ", null);

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["PracticeModelService.CreateAsync"] = async m =>
        {
            foreach (var unit in new[] { m.Foreign, m.ForeignVillage })
            {
                Assert.Equal(CommandOutcome.Refused, (await Commands(m).CreateAsync(unit.Id, Input)).Outcome);
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.PracticeModels.AnyAsync(p => p.Title == "Mô hình xâm nhập"));
        },
        ["PracticeModelService.SaveAsync"] = m => UnchangedAsync(m, PracticeStatus.Draft, (s, p) => s.SaveAsync(p.Id, Input, p.Version)),
        ["PracticeModelService.SubmitAsync"] = m => UnchangedAsync(m, PracticeStatus.Draft, (s, p) => s.SubmitAsync(p.Id, p.Version)),
        ["PracticeModelService.AcceptAsync"] = m => UnchangedAsync(m, PracticeStatus.Submitted, (s, p) => s.AcceptAsync(p.Id, "Đạt", p.Version)),
        ["PracticeModelService.ReturnAsync"] = m => UnchangedAsync(m, PracticeStatus.Submitted, (s, p) => s.ReturnAsync(p.Id, "Trả", p.Version)),
        ["PracticeModelService.PublishAsync"] = m => UnchangedAsync(m, PracticeStatus.Accepted, (s, p) => s.PublishAsync(p.Id, p.Version)),
        ["PracticeModelService.SetFeaturedAsync"] = m => UnchangedAsync(m, PracticeStatus.Published, (s, p) => s.SetFeaturedAsync(p.Id, true, p.Version)),
        ["PracticeLibraryService.SearchAsync"] = async m =>
        {
            var hidden = await ModelAsync(m, m.ForeignVillage, PracticeStatus.Accepted, "Mô hình chưa công bố bên kia");
            var shared = await ModelAsync(m, m.ForeignVillage, PracticeStatus.Published, "Mô hình đã công bố bên kia");
            var found = await Library(m).SearchAsync(new PracticeLibraryFilter("ben kia"), new PageRequest(0, 50));
            Assert.DoesNotContain(found.Items, c => c.Id == hidden.Id);
            // Shared with every account by design (§2.1đ): the control that the search did run across units.
            Assert.Contains(found.Items, c => c.Id == shared.Id);
        },
        ["PracticeLibraryService.ListWorkAsync"] = async m =>
        {
            var foreign = await ModelAsync(m, m.ForeignVillage, PracticeStatus.Submitted, "Mô hình chờ duyệt bên kia");
            var published = await ModelAsync(m, m.ForeignVillage, PracticeStatus.Published, "Mô hình công bố bên kia");
            foreach (var filter in new[] { new PracticeWorkFilter(), new PracticeWorkFilter(AwaitingMe: true), new PracticeWorkFilter(PracticeStatus.Submitted) })
            {
                var rows = await Library(m).ListWorkAsync(filter, new PageRequest(0, 100));
                Assert.DoesNotContain(rows.Items, c => c.Id == foreign.Id || c.Id == published.Id);
            }
        },
        ["PracticeLibraryService.GetAsync"] = async m =>
        {
            var foreign = await ModelAsync(m, m.ForeignVillage, PracticeStatus.Returned, "Mô hình bị trả bên kia");
            Assert.Null(await Library(m).GetAsync(foreign.Id));
            await AssertRefusedAsync(m, nameof(PracticeModel), foreign.Id);
        },
        ["PracticeLibraryService.OptionsAsync"] = async m =>
        {
            await ModelAsync(m, m.ForeignVillage, PracticeStatus.Submitted, "Mô hình năm 2021 bên kia", year: 2021);
            Assert.DoesNotContain(2021, (await Library(m).OptionsAsync()).Years);
        },
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["PracticeModelService.CreateAsync"] = async m =>
        {
            var created = await Commands(m).CreateAsync(m.Own.Id, Input with { Title = "Mô hình của mình" });
            Assert.True(created.Succeeded, created.Error);
        },
        ["PracticeModelService.SubmitAsync"] = async m =>
        {
            var own = await ModelAsync(m, m.Own, PracticeStatus.Draft, "Mô hình mình gửi");
            Assert.True((await Commands(m).SubmitAsync(own.Id, own.Version)).Succeeded);
        },
        ["PracticeLibraryService.SearchAsync"] = async m =>
        {
            var own = await ModelAsync(m, m.Own, PracticeStatus.Published, "Mô hình mình đã công bố");
            Assert.Contains((await Library(m).SearchAsync(new PracticeLibraryFilter("minh da cong bo"), new PageRequest(0, 50))).Items, c => c.Id == own.Id);
        },
        ["PracticeLibraryService.ListWorkAsync"] = async m =>
        {
            var own = await ModelAsync(m, m.OwnVillage, PracticeStatus.Submitted, "Mô hình thôn mình chờ duyệt");
            Assert.Contains((await Library(m).ListWorkAsync(new PracticeWorkFilter(), new PageRequest(0, 100))).Items, c => c.Id == own.Id);
        },
        ["PracticeLibraryService.GetAsync"] = async m =>
        {
            var own = await ModelAsync(m, m.OwnVillage, PracticeStatus.Returned, "Mô hình thôn mình bị trả");
            Assert.Equal(own.Id, (await Library(m).GetAsync(own.Id))!.Id);
            await AssertNothingRefusedAsync(m);
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;

    private static PracticeModelService Commands(MatrixContext m) => CoreServices.Create<PracticeModelService>(new ActorContextFactory(m.Database, m.Actor));

    private static PracticeLibraryService Library(MatrixContext m) => CoreServices.Create<PracticeLibraryService>(new ActorContextFactory(m.Database, m.Actor));

    /// <summary>A model of the sibling village in <paramref name="status"/>: the step is refused (or the id is out of reach), audited, and the model unchanged.</summary>
    private static async Task UnchangedAsync(MatrixContext m, PracticeStatus status, Func<PracticeModelService, PracticeModel, Task<CommandResult<PracticeSaved>>> step)
    {
        foreach (var unit in new[] { m.Foreign, m.ForeignVillage })
        {
            var model = await ModelAsync(m, unit, status, "Mô hình của đơn vị bên kia");
            try
            {
                Assert.Equal(CommandOutcome.Refused, (await step(Commands(m), model)).Outcome);
            }
            catch (ScopeViolationException)
            {
                // Outside the actor's subtree: refused as a forged id.
            }

            await using var db = m.Database.CreateSystemContext();
            var stored = await db.PracticeModels.AsNoTracking().SingleAsync(p => p.Id == model.Id);
            Assert.Equal((status, model.Version, "Mô hình của đơn vị bên kia"), (stored.Status, stored.Version, stored.Title));
            await AssertRefusedAsync(m, nameof(PracticeModel), model.Id);
        }
    }

    /// <summary>A model of <paramref name="unit"/> placed in <paramref name="status"/> by the system.</summary>
    private static async Task<PracticeModel> ModelAsync(MatrixContext m, AdministrativeUnit unit, PracticeStatus status, string title, int year = 2026)
    {
        await using var db = m.Database.CreateSystemContext();
        var model = new PracticeModel
        {
            UnitId = unit.Id, SubmitterLevel = unit.Level, Title = title, SearchText = VietnameseText.ToSearchKey(title), Skills = DigitalSkills.OnlinePayment,
            Description = "Mô tả", StartedOn = new DateOnly(year, 1, 1), Year = year, ContactName = "Người Liên Hệ", Status = status,
            CreatedAtUtc = DateTime.UtcNow, PublishedAtUtc = PracticeWorkflow.IsPublic(status) ? DateTime.UtcNow : null,
        };
        db.PracticeModels.Add(model);
        await db.SaveChangesAsync();
        return model;
    }
}

public sealed class SqliteRecognitionIsolationTests() : RecognitionIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlRecognitionIsolationTests() : RecognitionIsolationTests(DatabaseProvider.PostgreSql);
