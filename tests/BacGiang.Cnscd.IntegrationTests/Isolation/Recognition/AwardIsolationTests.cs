using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Recognition;

/// <summary>
/// The DX Day awards register in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method
/// of <see cref="AwardNominationService"/> and <see cref="AwardDocumentService"/> against the sibling's nominations,
/// nominees and lists, and the same calls on the actor's own. The round is the province's: no district, commune or village
/// account opens one; nor does one export the annex of the province's decisions.
/// </summary>
public abstract class AwardIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    // Next year's round, opened by the system: the matrix runs on today's clock, and a nomination is filed under a year with a round.
    private static readonly int Year = DateTime.UtcNow.Year + 1;

    private static readonly FileUpload Dossier = new("ho-so.pdf", "%PDF-1.4 hồ sơ"u8.ToArray());

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["AwardNominationService.SetRoundAsync"] = async m =>
        {
            Assert.Equal(CommandOutcome.Refused, (await Commands(m).SetRoundAsync(Year, new DateOnly(Year, 8, 1))).Outcome);
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.AwardRounds.AnyAsync(r => r.NominationDeadline == new DateOnly(Year, 8, 1)));
        },
        ["AwardNominationService.CreateAsync"] = async m =>
        {
            await RoundAsync(m);
            var foreignTeam = await TeamOfAsync(m, m.ForeignVillage);
            // The sibling's unit as the nominator, and the sibling's team or village as the nominee of the actor's own unit.
            foreach (var (unit, input) in new[]
            {
                (m.Foreign, Input(NomineeKind.Unit, m.Foreign.Id)), (m.ForeignVillage, Input(NomineeKind.Team, foreignTeam)),
                (m.Own, Input(NomineeKind.Team, foreignTeam)), (m.Own, Input(NomineeKind.Unit, m.ForeignVillage.Id)),
            })
            {
                Assert.Equal(CommandOutcome.Refused, (await Commands(m).CreateAsync(unit.Id, input, Dossier)).Outcome);
            }

            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.AwardNominations.AnyAsync());
        },
        ["AwardNominationService.SaveAsync"] = m => UnchangedAsync(m, AwardStatus.Draft, (s, n) => s.SaveAsync(n.Id, Input(NomineeKind.Unit, n.UnitId), Dossier, n.Version)),
        ["AwardNominationService.SubmitAsync"] = m => UnchangedAsync(m, AwardStatus.Draft, (s, n) => s.SubmitAsync(n.Id, n.Version)),
        ["AwardNominationService.EndorseAsync"] = m => UnchangedAsync(m, AwardStatus.Submitted, (s, n) => s.EndorseAsync(n.Id, null, n.Version)),
        ["AwardNominationService.ReturnAsync"] = m => UnchangedAsync(m, AwardStatus.Submitted, (s, n) => s.ReturnAsync(n.Id, "Trả", n.Version)),
        ["AwardNominationService.SelectAsync"] = m => UnchangedAsync(m, AwardStatus.Endorsed, (s, n) => s.SelectAsync(n.Id, n.Version)),
        ["AwardNominationService.AppraiseAsync"] = m => UnchangedAsync(m, AwardStatus.Selected,
            (s, n) => s.AppraiseAsync(n.Id, new AwardAppraisalInput("Người Lạ", new DateOnly(2026, 1, 2), true, null), n.Version)),
        ["AwardNominationService.DecideAsync"] = m => UnchangedAsync(m, AwardStatus.Endorsed,
            (s, n) => s.DecideAsync(n.Id, new AwardDecisionInput("1/QĐ", new DateOnly(2026, 1, 2), "Người Lạ"), n.Version), AwardForm.CommuneChairmanCertificate),
        ["AwardNominationService.AwardAsync"] = m => UnchangedAsync(m, AwardStatus.Decided, (s, n) => s.AwardAsync(n.Id, new DateOnly(2026, 1, 3), n.Version)),
        ["AwardQueryService.ListAsync"] = async m =>
        {
            var foreign = await NominationAsync(m, m.ForeignVillage, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);
            foreach (var filter in new[] { new AwardListFilter(Year), new AwardListFilter(Year, AwardStatus.Submitted), new AwardListFilter(Year, AwaitingMe: true) })
            {
                Assert.DoesNotContain((await Queries(m).ListAsync(filter, new PageRequest(0, 100))).Items, r => r.Id == foreign.Id);
            }
        },
        ["AwardQueryService.GetAsync"] = async m =>
        {
            var foreign = await NominationAsync(m, m.ForeignVillage, AwardStatus.Decided, AwardForm.ProvincialChairmanCertificate);
            Assert.Null(await Queries(m).GetAsync(foreign.Id));
            await AssertRefusedAsync(m, nameof(AwardNomination), foreign.Id);
        },
        ["AwardQueryService.OptionsAsync"] = async m =>
        {
            foreach (var unit in new[] { m.Foreign, m.ForeignVillage })
            {
                Assert.Null(await Queries(m).OptionsAsync(unit.Id));
            }

            // The actor's own form offers nothing of the sibling's.
            var own = await Queries(m).OptionsAsync(m.Own.Id);
            var foreignTeam = await TeamOfAsync(m, m.ForeignVillage);
            Assert.DoesNotContain(own!.Teams, t => t.Id == foreignTeam);
            Assert.DoesNotContain(own.Units, u => u.Id == m.ForeignVillage.Id || u.Id == m.Foreign.Id);
        },
        ["AwardQueryService.RoundAsync"] = async m =>
        {
            // The round is the province's public call, the same for everyone: the case is that reading it reveals no nomination.
            await RoundAsync(m);
            await NominationAsync(m, m.ForeignVillage, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);
            var round = await Queries(m).RoundAsync(Year);
            Assert.Equal(new DateOnly(Year, 8, 31), round.Deadline);
        },
        ["AwardQueryService.OpenDossierAsync"] = async m =>
        {
            var foreign = await NominationAsync(m, m.ForeignVillage, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);
            Assert.Null(await Queries(m).OpenDossierAsync(foreign.Id));
            await AssertRefusedAsync(m, nameof(AwardNomination), foreign.Id);
        },
        ["AwardQueryService.HonoursOfTeamAsync"] = async m =>
        {
            var foreign = await NominationAsync(m, m.ForeignVillage, AwardStatus.Decided, AwardForm.ProvincialChairmanCertificate,
                await TeamOfAsync(m, m.ForeignVillage));
            Assert.Empty(await Queries(m).HonoursOfTeamAsync(foreign.NomineeTeamId!.Value));
        },
        ["AwardDocumentService.ExportListAsync"] = async m =>
        {
            foreach (var unit in new[] { m.Foreign, m.ForeignVillage }.DistinctBy(u => u.Id)) // one unit for the village pair
            {
                await NominationAsync(m, unit, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);
                foreach (var format in new[] { ReportFormat.Word, ReportFormat.Excel })
                {
                    await Assert.ThrowsAsync<ScopeViolationException>(() => Documents(m).ExportListAsync(unit.Id, Year, format));
                }

                // Refused once per request and filed under the sibling unit, where its superiors look; nothing exported.
                await using var db = m.Database.CreateSystemContext();
                Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                    && a.EntityType == nameof(AwardNomination) && a.UnitId == unit.Id && a.Changes!.Contains("\"document\":\"AwardList\"")));
                Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.UserId == m.Actor.UserId && a.UnitId == unit.Id));
            }
        },
        ["AwardDocumentService.ExportAnnexAsync"] = async m =>
        {
            var decided = await NominationAsync(m, m.Foreign, AwardStatus.Decided, AwardForm.ProvincialChairmanCertificate);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Documents(m).ExportAnnexAsync(Year));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(AwardNomination) && a.UnitId == m.Actor.UnitId && a.Changes!.Contains("AwardAnnex")), "the annex's refusal is not on record");
            Assert.Equal(AwardStatus.Decided, (await db.AwardNominations.AsNoTracking().SingleAsync(n => n.Id == decided.Id)).Status);
        },
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["AwardNominationService.CreateAsync"] = async m =>
        {
            await RoundAsync(m);
            var created = await Commands(m).CreateAsync(m.Own.Id, Input(NomineeKind.Team, await TeamOfAsync(m, m.OwnVillage)), Dossier);
            Assert.True(created.Succeeded, created.Error);
            await AssertNothingRefusedAsync(m);
        },
        ["AwardNominationService.SubmitAsync"] = async m =>
        {
            await RoundAsync(m);
            var own = await NominationAsync(m, m.Own, AwardStatus.Draft, AwardForm.ProvincialChairmanCertificate);
            var submitted = await Commands(m).SubmitAsync(own.Id, own.Version);
            Assert.True(submitted.Succeeded, submitted.Error);
        },
        ["AwardNominationService.EndorseAsync"] = async m =>
        {
            // The actor reviews the nominations of the village inside its unit (a village leader has none below it).
            if (m.Own.Level == UnitLevel.Village)
            {
                return;
            }

            var below = await NominationAsync(m, m.Own.Level == UnitLevel.District ? await CommuneOfAsync(m) : m.OwnVillage, AwardStatus.Submitted,
                AwardForm.ProvincialChairmanCertificate);
            var endorsed = await Commands(m).EndorseAsync(below.Id, null, below.Version);
            Assert.True(endorsed.Succeeded, endorsed.Error);
        },
        ["AwardQueryService.GetAsync"] = async m =>
        {
            var own = await NominationAsync(m, m.OwnVillage, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);
            Assert.Equal(own.Id, (await Queries(m).GetAsync(own.Id))!.Id);
            Assert.NotNull(await Queries(m).OpenDossierAsync(own.Id));
            await AssertNothingRefusedAsync(m);
        },
        ["AwardQueryService.HonoursOfTeamAsync"] = async m =>
        {
            var team = await TeamOfAsync(m, m.OwnVillage);
            await NominationAsync(m, m.OwnVillage, AwardStatus.Awarded, AwardForm.ProvincialChairmanCertificate, team);
            Assert.Single(await Queries(m).HonoursOfTeamAsync(team));
        },
        ["AwardDocumentService.ExportListAsync"] = async m =>
        {
            // A village's nominations are in its commune's list: a village leader exports none (as the quarterly report).
            if (m.Actor.Role() == AppRole.VillageLeader)
            {
                return;
            }

            var own = await NominationAsync(m, m.OwnVillage, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);
            var word = await Documents(m).ExportListAsync(m.Own.Id, Year, ReportFormat.Word);
            using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(word.Content), false))
            {
                var text = document.MainDocumentPart!.Document.Body!.InnerText;
                Assert.Contains(own.NomineeName, text, StringComparison.Ordinal);
                Assert.DoesNotContain(m.Foreign.Name, text, StringComparison.Ordinal);
            }

            Assert.NotEmpty((await Documents(m).ExportListAsync(m.Own.Id, Year, ReportFormat.Excel)).Content);
            await AssertNothingRefusedAsync(m);
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;

    private static AwardNominationService Commands(MatrixContext m) => CoreServices.Create<AwardNominationService>(new ActorContextFactory(m.Database, m.Actor));

    private static AwardQueryService Queries(MatrixContext m) => CoreServices.Create<AwardQueryService>(new ActorContextFactory(m.Database, m.Actor));
    private static AwardDocumentService Documents(MatrixContext m) => CoreServices.Create<AwardDocumentService>(new ActorContextFactory(m.Database, m.Actor));

    private static AwardNominationInput Input(NomineeKind kind, int id, AwardForm form = AwardForm.ProvincialChairmanCertificate) =>
        new(Year, kind, id, "Thành tích", null, form);

    private static async Task RoundAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        if (!await db.AwardRounds.AnyAsync(r => r.Year == Year))
        {
            var province = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync();
            db.AwardRounds.Add(new AwardRound { UnitId = province, Year = Year, NominationDeadline = new DateOnly(Year, 8, 31) });
            await db.SaveChangesAsync();
        }
    }

    private static async Task<int> TeamOfAsync(MatrixContext m, AdministrativeUnit unit)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Teams.Where(t => t.UnitId == unit.Id).Select(t => t.Id).FirstAsync();
    }

    private static async Task<AdministrativeUnit> CommuneOfAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Units.AsNoTracking().FirstAsync(u => u.Id == m.OwnVillage.CommuneId);
    }

    /// <summary>A sibling nomination in <paramref name="status"/>: the step is refused (or the id is out of reach), audited, and the nomination unchanged.</summary>
    private static async Task UnchangedAsync(MatrixContext m, AwardStatus status,
        Func<AwardNominationService, AwardNomination, Task<CommandResult<AwardSaved>>> step, AwardForm form = AwardForm.ProvincialChairmanCertificate)
    {
        await RoundAsync(m);
        foreach (var unit in new[] { m.Foreign, m.ForeignVillage })
        {
            var nomination = await NominationAsync(m, unit, status, form);
            try
            {
                Assert.Equal(CommandOutcome.Refused, (await step(Commands(m), nomination)).Outcome);
            }
            catch (ScopeViolationException)
            {
                // Outside the actor's subtree: refused as a forged id.
            }

            await using var db = m.Database.CreateSystemContext();
            var stored = await db.AwardNominations.AsNoTracking().SingleAsync(n => n.Id == nomination.Id);
            Assert.Equal((status, nomination.Version, "Thành tích bên kia"), (stored.Status, stored.Version, stored.Achievements));
            await AssertRefusedAsync(m, nameof(AwardNomination), nomination.Id);
        }
    }

    /// <summary>A nomination of <paramref name="unit"/> (for itself) placed in <paramref name="status"/> by the system, with a dossier.</summary>
    private static async Task<AwardNomination> NominationAsync(MatrixContext m, AdministrativeUnit unit, AwardStatus status, AwardForm form, int? teamId = null)
    {
        await using var db = m.Database.CreateSystemContext();
        var file = new Attachment
        {
            Id = Guid.NewGuid(), UnitId = unit.Id, FileName = "ho-so.pdf", ContentType = "application/pdf", Content = "%PDF-1.4 x"u8.ToArray(), Size = 10,
            UploadedAtUtc = DateTime.UtcNow,
        };
        db.Attachments.Add(file);
        var nomination = new AwardNomination
        {
            UnitId = unit.Id, Year = Year, NomineeKind = teamId is null ? NomineeKind.Unit : NomineeKind.Team, NomineeUnitId = teamId is null ? unit.Id : null,
            NomineeTeamId = teamId, NomineeName = unit.Name, Achievements = "Thành tích bên kia",
            ProposedForm = form, Status = status, CreatedAtUtc = DateTime.UtcNow, DossierFileId = file.Id,
            DecisionDate = status >= AwardStatus.Decided ? new DateOnly(2026, 1, 1) : null,
        };
        db.AwardNominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination;
    }
}

public sealed class SqliteAwardIsolationTests() : AwardIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAwardIsolationTests() : AwardIsolationTests(DatabaseProvider.PostgreSql);
