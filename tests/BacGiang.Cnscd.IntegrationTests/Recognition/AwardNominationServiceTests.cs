using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Recognition;

/// <summary>
/// The DX Day awards register through its service, on both engines: both tracks of the workflow end to end (the province's
/// certificate through the Department's list and Home Affairs; a district's certificate decided by the district), the
/// workflow as a state machine (every step the state forbids refused with the workflow's message; every allowed step by the
/// wrong account refused and audited once), a nominee outside the nominator's scope, the dossier and the deadline, and two
/// reviewers at once.
/// </summary>
public abstract class AwardNominationServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private const int Year = 2026;

    private static readonly DateOnly Today = new(2026, 8, 20);

    private static readonly FileUpload Dossier = new("to-trinh-khen-thuong.pdf", "%PDF-1.4 tờ trình"u8.ToArray());

    private static Actor ActorOf(AdministrativeUnit unit, string user) => MiniProvince.ActorFor(unit, user) with { UserName = user };

    private Actor Appraiser => new("appraiser", "appraiser", Mini.Province.Id, DataScope.WholeProvince, Role: AppRole.HomeAffairsAppraiser);

    private Actor Viewer => new("viewer", "viewer", Mini.Province.Id, DataScope.WholeProvince, Role: AppRole.ProvinceViewer);

    private AwardNominationService Commands(Actor actor, DateOnly? today = null) =>
        CoreServices.CreateOn<AwardNominationService>(today ?? Today, new ActorContextFactory(Database, actor));

    private AwardNominationService Commands(AdministrativeUnit unit, string user) => Commands(ActorOf(unit, user));

    private async Task<int> TeamOfAsync(AdministrativeUnit unit)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.Where(t => t.UnitId == unit.Id).Select(t => t.Id).SingleAsync();
    }

    private async Task<int> MemberOfAsync(AdministrativeUnit unit, string name)
    {
        await using var db = Database.CreateSystemContext();
        var team = await db.Teams.SingleAsync(t => t.UnitId == unit.Id);
        var person = new Person { UnitId = unit.Id, FullName = name, FullNameSearch = Core.Text.VietnameseText.ToSearchKey(name) };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var member = new TeamMember { UnitId = unit.Id, TeamId = team.Id, PersonId = person.Id, StartDate = new DateOnly(2025, 9, 1) };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    private async Task OpenRoundAsync(DateOnly? deadline = null)
    {
        var opened = await Commands(Mini.Province, "admin").SetRoundAsync(Year, deadline ?? new DateOnly(Year, 8, 31));
        Assert.True(opened.Succeeded, opened.Error);
    }

    private async Task<AwardNominationInput> TeamInputAsync(AdministrativeUnit unit, AwardForm form = AwardForm.ProvincialChairmanCertificate) =>
        new(Year, NomineeKind.Team, await TeamOfAsync(unit), "Hướng dẫn 1.240 hộ cài VNeID mức 2; 85 % sạp chợ nhận thanh toán QR.", null, form);

    /// <summary>A nomination of <paramref name="unit"/> placed straight into <paramref name="status"/> by the system (the arrange step of the state-machine tests).</summary>
    private async Task<AwardNomination> NominationInAsync(AdministrativeUnit unit, AwardStatus status, AwardForm form)
    {
        await using var db = Database.CreateSystemContext();
        var nomination = new AwardNomination
        {
            UnitId = unit.Id, Year = Year, NomineeKind = NomineeKind.Unit, NomineeUnitId = unit.Id, NomineeName = unit.Name, Achievements = "Thành tích",
            ProposedForm = form, Status = status, CreatedAtUtc = DateTime.UtcNow,
            DecisionDate = status >= AwardStatus.Decided ? new DateOnly(Year, 8, 1) : null,
        };
        var file = new Attachment
        {
            Id = Guid.NewGuid(), UnitId = unit.Id, FileName = "ho-so.pdf", ContentType = "application/pdf", Content = "%PDF-1.4 x"u8.ToArray(), Size = 10,
            UploadedAtUtc = DateTime.UtcNow,
        };
        db.Attachments.Add(file);
        nomination.DossierFileId = file.Id;
        db.AwardNominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination;
    }

    private async Task<AwardNomination> StoredAsync(int id)
    {
        await using var db = Database.CreateSystemContext();
        return await db.AwardNominations.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private async Task<int> RefusalsAsync(string user, string entityType = nameof(AwardNomination))
    {
        await using var db = Database.CreateSystemContext();
        return await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Refused && a.UserId == user && a.EntityType == entityType);
    }

    private static Task<CommandResult<AwardSaved>> TakeAsync(AwardNominationService service, AwardAction action, int id, int version, AwardNominationInput edit) =>
        action switch
        {
            AwardAction.Edit => service.SaveAsync(id, edit, null, version),
            AwardAction.Submit => service.SubmitAsync(id, version),
            AwardAction.Endorse => service.EndorseAsync(id, "Đồng ý", version),
            AwardAction.Return => service.ReturnAsync(id, "Bổ sung minh chứng", version),
            AwardAction.Select => service.SelectAsync(id, version),
            AwardAction.Appraise => service.AppraiseAsync(id, new AwardAppraisalInput("Lê Thẩm Định", Today, true, null), version),
            AwardAction.Reject => service.AppraiseAsync(id, new AwardAppraisalInput("Lê Thẩm Định", Today, false, "Chưa đủ tiêu chuẩn"), version),
            AwardAction.Decide => service.DecideAsync(id, new AwardDecisionInput("1234/QĐ-UBND", Today, "Nguyễn Văn Ký"), version),
            AwardAction.Award => service.AwardAsync(id, Today, version),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

    [Fact]
    public async Task ACommuneNominatesItsTeam_ForTheProvincesCertificate_ThroughTheListHomeAffairsAndTheDecision()
    {
        await OpenRoundAsync();
        var input = await TeamInputAsync(Mini.C1);
        var created = await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, input, Dossier);
        Assert.True(created.Succeeded, created.Error);
        var id = created.Value!.Id;

        var submitted = await Commands(Mini.C1, "officer-c1").SubmitAsync(id, created.Value.Version);
        Assert.True(submitted.Succeeded, submitted.Error);
        var endorsed = await Commands(Mini.D1, "officer-d1").EndorseAsync(id, "Đề nghị tỉnh khen", submitted.Value!.Version);
        Assert.True(endorsed.Succeeded, endorsed.Error);
        var selected = await Commands(Mini.Province, "admin").SelectAsync(id, endorsed.Value!.Version);
        Assert.True(selected.Succeeded, selected.Error);
        var appraised = await Commands(Appraiser).AppraiseAsync(id, new AwardAppraisalInput("Lê Thị Nội Vụ", new DateOnly(Year, 8, 18), true, "Đủ điều kiện"),
            selected.Value!.Version);
        Assert.True(appraised.Succeeded, appraised.Error);
        var decided = await Commands(Mini.Province, "admin").DecideAsync(id, new AwardDecisionInput("1520/QĐ-UBND", new DateOnly(Year, 8, 19), "Chủ tịch UBND tỉnh"),
            appraised.Value!.Version);
        Assert.True(decided.Succeeded, decided.Error);
        // Handed over on DX Day: the default day is 10/10, which must have come.
        var early = await Commands(Mini.Province, "admin").AwardAsync(id, null, decided.Value!.Version);
        Assert.Equal(CommandOutcome.Invalid, early.Outcome);
        Assert.Equal("Chưa đến ngày trao (10/10/2026).", early.FieldErrors["On"]);
        var awarded = await Commands(ActorOf(Mini.Province, "admin"), new DateOnly(Year, 10, 10)).AwardAsync(id, null, decided.Value.Version);
        Assert.Equal(AwardStatus.Awarded, awarded.Value!.Status);

        var stored = await StoredAsync(id);
        Assert.Equal(("Tổ CNSCĐ Thị trấn Đồi Ngô", NomineeKind.Team, input.NomineeId), (stored.NomineeName, stored.NomineeKind, stored.NomineeTeamId));
        Assert.Equal(("Lê Thị Nội Vụ", "1520/QĐ-UBND", "Chủ tịch UBND tỉnh", new DateOnly(Year, 10, 10)),
            (stored.AppraisalOfficer, stored.DecisionNumber, stored.DecisionSigner, stored.AwardedOn));
        Assert.Equal((Mini.D1.Id, Mini.C1.Id), (stored.DistrictId, stored.CommuneId));
        await using var db = Database.CreateSystemContext();
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(AwardNomination) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.UserId).ToListAsync();
        Assert.Equal(["officer-c1", "officer-c1", "officer-d1", "admin", "appraiser", "admin", "admin"], audited);
        Assert.Equal("application/pdf", (await db.Attachments.SingleAsync(a => a.Id == stored.DossierFileId)).ContentType);
    }

    [Fact]
    public async Task ADistrictsCertificate_ForAMember_IsDecidedAndHandedOverByTheDistrict_NotByTheProvince()
    {
        await OpenRoundAsync();
        var member = await MemberOfAsync(Mini.C1, "Hoàng Thị Lan");
        var input = new AwardNominationInput(Year, NomineeKind.Member, member, "Trực hướng dẫn dịch vụ công mỗi thứ Bảy.", null, AwardForm.DistrictChairmanCertificate);
        var created = (await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, input, Dossier)).Value!;
        var submitted = (await Commands(Mini.C1, "officer-c1").SubmitAsync(created.Id, created.Version)).Value!;
        var endorsed = (await Commands(Mini.D1, "officer-d1").EndorseAsync(created.Id, null, submitted.Version)).Value!;

        // Not the Department's list (the step does not exist on this track), and not its decision.
        var select = await Commands(Mini.Province, "admin").SelectAsync(created.Id, endorsed.Version);
        Assert.Equal((CommandOutcome.Invalid, "Hồ sơ đề nghị giấy khen của huyện, xã không có bước đưa vào danh sách của Sở ở trạng thái \"Cấp trên đã đồng ý đề nghị\"."),
            (select.Outcome, select.Error));
        var provinceDecides = await Commands(Mini.Province, "admin").DecideAsync(created.Id, new AwardDecisionInput("1/QĐ", Today, "Ai đó"), endorsed.Version);
        Assert.Equal((CommandOutcome.Refused, AwardMessages.NotTheDecider), (provinceDecides.Outcome, provinceDecides.Error));

        var decided = await Commands(Mini.D1, "officer-d1").DecideAsync(created.Id, new AwardDecisionInput("88/QĐ-UBND", Today, "Chủ tịch UBND huyện Lục Nam"),
            endorsed.Version);
        Assert.True(decided.Succeeded, decided.Error);
        var awarded = await Commands(Mini.D1, "officer-d1").AwardAsync(created.Id, Today, decided.Value!.Version);
        Assert.Equal(AwardStatus.Awarded, awarded.Value!.Status);
        Assert.Equal("Hoàng Thị Lan", (await StoredAsync(created.Id)).NomineeName);
    }

    /// <summary>Every (state, step) the workflow forbids, asked by the one who would otherwise have the right: the workflow's message, nothing changed.</summary>
    [Fact]
    public async Task EveryStepTheStateForbids_IsInvalid_AndChangesNothing()
    {
        await OpenRoundAsync();
        var unit = new PracticeRights.PracticeUnit(Mini.C1.Id, UnitLevel.Commune, Mini.D1.Id, UnitLevel.District);
        Actor[] everyone = [ActorOf(Mini.C1, "officer-c1"), ActorOf(Mini.D1, "officer-d1"), ActorOf(Mini.Province, "admin"), Appraiser];
        var edit = await TeamInputAsync(Mini.C1);
        var failures = new List<string>();
        var tried = 0;
        foreach (var form in new[] { AwardForm.ProvincialChairmanCertificate, AwardForm.DistrictChairmanCertificate })
        {
            var local = form != AwardForm.ProvincialChairmanCertificate;
            foreach (var status in Enum.GetValues<AwardStatus>())
            {
                foreach (var action in Enum.GetValues<AwardAction>().Where(a => !AwardWorkflow.Allows(status, a, local)))
                {
                    // The one who has the right in this state; a step nobody may take here is the rights' question, not the state's.
                    if (everyone.FirstOrDefault(a => AwardRights.May(a, unit, status, local, action)) is not { } actor)
                    {
                        continue;
                    }

                    var nomination = await NominationInAsync(Mini.C1, status, form);
                    var result = await TakeAsync(Commands(actor), action, nomination.Id, nomination.Version, edit with { Form = form });
                    var stored = await StoredAsync(nomination.Id);
                    tried++;
                    if (result.Outcome != CommandOutcome.Invalid || result.Error != AwardWorkflow.RefusalMessage(status, action, local)
                        || stored.Status != status || stored.Version != nomination.Version)
                    {
                        failures.Add($"{form} {action} from {status}: {result.Outcome} {result.Error}, now {stored.Status} v{stored.Version}");
                    }
                }
            }
        }

        Assert.True(tried > 80, $"only {tried} forbidden steps were tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every allowed step taken by an account that may not: refused, audited exactly once, nothing changed.</summary>
    [Fact]
    public async Task EveryAllowedStep_ByTheWrongAccount_IsRefusedAndAuditedOnce()
    {
        await OpenRoundAsync();
        Actor[] everyone =
        [
            ActorOf(Mini.V11, "w-leader-v11"), ActorOf(Mini.C1, "w-officer-c1"), ActorOf(Mini.C2, "w-officer-c2"), ActorOf(Mini.D1, "w-officer-d1"),
            ActorOf(Mini.D2, "w-officer-d2"), ActorOf(Mini.Province, "w-admin"), Viewer with { UserId = "w-viewer" }, Appraiser with { UserId = "w-appraiser" },
        ];
        var unit = new PracticeRights.PracticeUnit(Mini.C1.Id, UnitLevel.Commune, Mini.D1.Id, UnitLevel.District);
        var edit = await TeamInputAsync(Mini.C1);
        var failures = new List<string>();
        var checkedSteps = 0;
        foreach (var (from, action, local, _) in AwardWorkflow.AllTransitions)
        {
            var form = local ? AwardForm.DistrictChairmanCertificate : AwardForm.ProvincialChairmanCertificate;
            foreach (var actor in everyone.Where(a => !AwardRights.May(a, unit, from, local, action)))
            {
                var nomination = await NominationInAsync(Mini.C1, from, form);
                var before = await RefusalsAsync(actor.UserId!);
                CommandOutcome? outcome;
                try
                {
                    outcome = (await TakeAsync(Commands(actor), action, nomination.Id, nomination.Version, edit with { Form = form })).Outcome;
                }
                catch (ScopeViolationException)
                {
                    outcome = null; // outside the actor's subtree altogether (V11's leader, C2, D2): the forged-id path
                }

                var stored = await StoredAsync(nomination.Id);
                var refusals = await RefusalsAsync(actor.UserId!) - before;
                checkedSteps++;
                if (outcome is not (CommandOutcome.Refused or null) || refusals != 1 || stored.Status != from || stored.Version != nomination.Version)
                {
                    failures.Add($"{form} {action} from {from} by {actor.UserId}: {outcome}, {refusals} refusals, now {stored.Status}");
                }
            }
        }

        Assert.True(checkedSteps > 80, $"only {checkedSteps} wrong-account steps were tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ANomineeOutsideTheNominatorsScope_IsRefused_AndAuditedOnceUnderTheNomineesUnit()
    {
        await OpenRoundAsync();
        var siblingsMember = await MemberOfAsync(Mini.V21, "Người Xã Khác");
        var cases = new (NomineeKind Kind, int Id, string Entity, int Unit)[]
        {
            (NomineeKind.Team, await TeamOfAsync(Mini.C2), nameof(Team), Mini.D2.Id),
            (NomineeKind.Member, siblingsMember, nameof(TeamMember), Mini.D2.Id),
            (NomineeKind.Unit, Mini.V21.Id, nameof(AdministrativeUnit), Mini.D2.Id),
            (NomineeKind.Unit, Mini.D1.Id, nameof(AdministrativeUnit), Mini.D1.Id), // the commune's own district is above it, not in it
        };
        foreach (var (kind, nomineeId, entity, district) in cases)
        {
            var before = await RefusalsAsync("officer-c1", entity);
            var result = await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, new AwardNominationInput(Year, kind, nomineeId, "Thành tích", null,
                AwardForm.ProvincialChairmanCertificate), Dossier);
            Assert.Equal((CommandOutcome.Refused, AwardMessages.NomineeOutOfScope), (result.Outcome, result.Error));
            Assert.Equal(before + 1, await RefusalsAsync("officer-c1", entity));
            await using var db = Database.CreateSystemContext();
            var row = await db.AuditEntries.Where(a => a.Action == AuditActions.Refused && a.EntityType == entity).OrderBy(a => a.Id).LastAsync();
            Assert.Equal(district, row.DistrictId);
        }

        await using var check = Database.CreateSystemContext();
        Assert.False(await check.AwardNominations.AnyAsync());
        Assert.False(await check.Attachments.AnyAsync(a => a.FileName == Dossier.FileName)); // the dossier was not kept either

        // The controls: the commune's own team, own village and own member are accepted.
        var ownMember = await MemberOfAsync(Mini.V11, "Người Trong Xã");
        foreach (var (kind, id) in new[] { (NomineeKind.Team, await TeamOfAsync(Mini.V11)), (NomineeKind.Unit, Mini.V11.Id), (NomineeKind.Member, ownMember) })
        {
            var ok = await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, new AwardNominationInput(Year, kind, id, "Thành tích", null,
                AwardForm.ProvincialChairmanCertificate), null);
            Assert.True(ok.Succeeded, $"{kind}: {ok.Error}");
        }
    }

    [Fact]
    public async Task Submitting_WithoutADossier_AfterTheDeadline_OrWithoutARound_IsRefusedWithFieldMessages()
    {
        var noRound = await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, await TeamInputAsync(Mini.C1), null);
        Assert.Equal(AwardMessages.NoRound(Year), noRound.FieldErrors[nameof(AwardNominationInput.Year)]);

        await OpenRoundAsync(new DateOnly(Year, 8, 31));
        var created = (await Commands(Mini.C1, "officer-c1").CreateAsync(Mini.C1.Id, await TeamInputAsync(Mini.C1), null)).Value!;
        var withoutDossier = await Commands(Mini.C1, "officer-c1").SubmitAsync(created.Id, created.Version);
        Assert.Equal(CommandOutcome.Invalid, withoutDossier.Outcome);
        Assert.Equal(AwardMessages.DossierRequired, withoutDossier.FieldErrors["Dossier"]);

        var attached = (await Commands(Mini.C1, "officer-c1").SaveAsync(created.Id, await TeamInputAsync(Mini.C1), Dossier, created.Version)).Value!;
        var late = await Commands(ActorOf(Mini.C1, "officer-c1"), new DateOnly(Year, 9, 1)).SubmitAsync(created.Id, attached.Version);
        Assert.Equal(AwardMessages.PastDeadline(Year, new DateOnly(Year, 8, 31)), late.FieldErrors[nameof(AwardNominationInput.Year)]);
        Assert.Equal("Đã quá hạn gửi hồ sơ đề nghị khen thưởng năm 2026 (hạn 31/08/2026).", late.Error);
        Assert.Equal(AwardStatus.Draft, (await StoredAsync(created.Id)).Status);

        // On the deadline itself it goes.
        var onTheDay = await Commands(ActorOf(Mini.C1, "officer-c1"), new DateOnly(Year, 8, 31)).SubmitAsync(created.Id, attached.Version);
        Assert.True(onTheDay.Succeeded, onTheDay.Error);
    }

    [Fact]
    public async Task ANewDossier_ReplacesTheOld_AndTheOldFileIsNotKept()
    {
        await OpenRoundAsync();
        var service = Commands(Mini.C1, "officer-c1");
        var input = await TeamInputAsync(Mini.C1);
        var created = (await service.CreateAsync(Mini.C1.Id, input, Dossier)).Value!;
        var first = (await StoredAsync(created.Id)).DossierFileId;
        var saved = await service.SaveAsync(created.Id, input, new FileUpload("bao-cao-thanh-tich.pdf", "%PDF-1.4 bản mới"u8.ToArray()), created.Version);
        Assert.True(saved.Succeeded, saved.Error);
        var kept = await Commands(Mini.C1, "officer-c1").SaveAsync(created.Id, input with { Achievements = "Sửa thành tích" }, null, saved.Value!.Version);
        Assert.True(kept.Succeeded, kept.Error);

        var stored = await StoredAsync(created.Id);
        await using var db = Database.CreateSystemContext();
        Assert.NotEqual(first, stored.DossierFileId);
        Assert.Equal("bao-cao-thanh-tich.pdf", (await db.Attachments.SingleAsync(a => a.Id == stored.DossierFileId)).FileName);
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == first));
        Assert.Equal(1, await db.Attachments.CountAsync(a => a.UnitId == Mini.C1.Id)); // saving without a file keeps the dossier
    }

    [Fact]
    public async Task BadInput_GetsFieldMessages_AndNothingIsStored()
    {
        await OpenRoundAsync();
        var service = Commands(Mini.V11, "leader-v11");
        var good = await TeamInputAsync(Mini.V11, AwardForm.CommuneChairmanCertificate);

        var wrongType = await service.CreateAsync(Mini.V11.Id, good, new FileUpload("ho-so.exe", [0x4D, 0x5A, 0x90]));
        Assert.Equal(AttachmentPolicy.TypeMessage, wrongType.FieldErrors["Dossier"]);
        var renamed = await service.CreateAsync(Mini.V11.Id, good, new FileUpload("ho-so.pdf", "<html>not a pdf</html>"u8.ToArray()));
        Assert.Equal(AttachmentPolicy.MismatchMessage, renamed.FieldErrors["Dossier"]);
        var tooBig = await CoreServices.CreateOn<AwardNominationService>(Today, new ActorContextFactory(Database, ActorOf(Mini.V11, "leader-v11")),
            Microsoft.Extensions.Options.Options.Create(new AttachmentOptions { MaxBytes = 8 })).CreateAsync(Mini.V11.Id, good, Dossier);
        Assert.Equal(AttachmentPolicy.SizeMessage(8), tooBig.FieldErrors["Dossier"]);

        var noAchievements = await service.CreateAsync(Mini.V11.Id, good with { Achievements = " \u200B " }, null);
        Assert.Equal(AwardMessages.AchievementsRequired, noAchievements.FieldErrors[nameof(AwardNominationInput.Achievements)]);
        // A village's reviewer is its commune: a district's certificate is not decided there.
        var wrongLevel = await service.CreateAsync(Mini.V11.Id, good with { Form = AwardForm.DistrictChairmanCertificate }, null);
        Assert.Equal(AwardMessages.FormNotAtThisLevel("Giấy khen của Chủ tịch UBND huyện"), wrongLevel.FieldErrors[nameof(AwardNominationInput.Form)]);
        var foreignModel = await service.CreateAsync(Mini.V11.Id, good with { PracticeModelId = 999_999 }, null);
        Assert.Equal(AwardMessages.ModelNotFound, foreignModel.FieldErrors[nameof(AwardNominationInput.PracticeModelId)]);

        await using var db = Database.CreateSystemContext();
        Assert.False(await db.AwardNominations.AnyAsync());
        Assert.False(await db.Attachments.AnyAsync());
        Assert.True((await service.CreateAsync(Mini.V11.Id, good, Dossier)).Succeeded); // the control: the same input, well formed
    }

    [Fact]
    public async Task OnlyTheDepartment_OpensARound_AndARefusalIsAuditedOnce()
    {
        var refused = await Commands(Mini.D1, "officer-d1").SetRoundAsync(Year, new DateOnly(Year, 8, 31));
        Assert.Equal((CommandOutcome.Refused, AwardMessages.NotTheDepartmentForRounds), (refused.Outcome, refused.Error));
        Assert.Equal(1, await RefusalsAsync("officer-d1", nameof(AwardRound)));
        Assert.Equal("Hạn gửi không hợp lệ.", (await Commands(Mini.Province, "admin").SetRoundAsync(Year, new DateOnly(Year, 10, 11))).Error);

        await OpenRoundAsync(new DateOnly(Year, 8, 31));
        await OpenRoundAsync(new DateOnly(Year, 9, 15)); // moved, not doubled
        await using var db = Database.CreateSystemContext();
        Assert.Equal(new DateOnly(Year, 9, 15), (await db.AwardRounds.SingleAsync()).NominationDeadline);
    }

    [Fact]
    public async Task TwoReviewersAtOnce_OneWins_TheOtherIsToldWhoActed_AndNothingOfTheirsIsWritten()
    {
        await using var host = new AccountTestHost(Database);
        var first = await host.AddAccountAsync("huyen1@test.vn", "Cán Bộ Huyện Một", AppRole.DistrictOfficer, Mini.D1);
        var second = await host.AddAccountAsync("huyen2@test.vn", "Cán Bộ Huyện Hai", AppRole.DistrictOfficer, Mini.D1);
        var submitted = await NominationInAsync(Mini.C1, AwardStatus.Submitted, AwardForm.ProvincialChairmanCertificate);

        var endorse = Commands(ActorOf(Mini.D1, first.Id)).EndorseAsync(submitted.Id, "Đồng ý", submitted.Version);
        var @return = Commands(ActorOf(Mini.D1, second.Id)).ReturnAsync(submitted.Id, "Chưa đủ minh chứng", submitted.Version);
        var results = await Task.WhenAll(endorse, @return);

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, loser.Outcome);
        var winnerName = results[0].Succeeded ? "Cán Bộ Huyện Một" : "Cán Bộ Huyện Hai";
        Assert.Equal(winnerName, loser.Conflict!.ByUserName);
        Assert.Contains(winnerName, loser.Error, StringComparison.Ordinal);
        var stored = await StoredAsync(submitted.Id);
        Assert.Equal(results[0].Succeeded ? ("Đồng ý", AwardStatus.Endorsed) : ("Chưa đủ minh chứng", AwardStatus.Returned), (stored.ReviewComment, stored.Status));
    }
}

public sealed class SqliteAwardNominationServiceTests() : AwardNominationServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAwardNominationServiceTests() : AwardNominationServiceTests(DatabaseProvider.PostgreSql);
