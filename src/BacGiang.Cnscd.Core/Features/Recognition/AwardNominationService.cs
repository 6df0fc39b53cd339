using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// The commands of the DX Day awards register (§1.7, §2.1e, §2.5, §2.9đ): the Department opens a year's round with its
/// deadline; a unit nominates a team, a unit or a member of its own subtree with the achievements and the dossier, and
/// submits it by the deadline; the level above endorses or returns it; for the province's certificate the Department
/// selects it, Home Affairs appraises it and the Department records the decision and the award; a district's or
/// commune's certificate is decided at that level. The states are <see cref="AwardWorkflow"/>'s, the rights
/// <see cref="AwardRights"/>'; every change is audited by the interceptor, every refusal once here. Two reviewers acting
/// at once: the nomination's version lets one win, and the other is told who acted and when, with nothing written.
/// </summary>
public sealed class AwardNominationService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock,
    IOptions<AttachmentOptions> attachmentOptions)
{
    /// <summary>The Department opens (or moves the deadline of) a year's round of nominations.</summary>
    public async Task<CommandResult<int>> SetRoundAsync(int year, DateOnly deadline, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!PracticeRights.IsDepartment(db.Actor))
        {
            await refusals.RefuseAtAsync(nameof(AwardRound), null, db.Actor.UnitId, AwardMessages.NotTheDepartmentForRounds, new { year });
            return CommandResult<int>.Refused(AwardMessages.NotTheDepartmentForRounds);
        }

        if (year < 2020 || year > clock.Today.Year + 1 || deadline.Year != year || deadline > AwardRound.DigitalTransformationDay(year))
        {
            return CommandResult<int>.Invalid(new Dictionary<string, string> { ["Deadline"] = "Hạn gửi phải nằm trong năm xét khen thưởng và trước ngày 10/10." },
                "Hạn gửi không hợp lệ.");
        }

        var round = await db.AwardRounds.FirstOrDefaultAsync(r => r.Year == year, cancellationToken);
        if (round is null)
        {
            round = new AwardRound { Year = year, UnitId = db.Actor.UnitId!.Value };
            db.AwardRounds.Add(round);
        }

        round.NominationDeadline = deadline;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<int>.Ok(round.Id);
    }

    /// <summary>Starts a draft nomination of <paramref name="unitId"/> (the actor's own village, commune or district), with its dossier if attached.</summary>
    public async Task<CommandResult<AwardSaved>> CreateAsync(int unitId, AwardNominationInput input, FileUpload? dossier,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await PracticeModelService.PracticeUnitAsync(db, unitId, cancellationToken);
        if (unit is null || !PracticeRights.IsAuthor(db.Actor, unit))
        {
            await refusals.RefuseAtAsync(nameof(AwardNomination), null, unit?.Id, AwardMessages.NotTheNominator, new { unitId });
            return CommandResult<AwardSaved>.Refused(AwardMessages.NotTheNominator);
        }

        var nomination = new AwardNomination
        {
            UnitId = unitId, CreatedByUserId = db.Actor.UserId, CreatedAtUtc = clock.UtcNow, LastActedByUserId = db.Actor.UserId,
            LastActedAtUtc = clock.UtcNow,
        };
        var filled = await FillAsync(db, nomination, unit, input, dossier, cancellationToken);
        if (filled is not null)
        {
            return filled;
        }

        db.AwardNominations.Add(nomination);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<AwardSaved>.Ok(new AwardSaved(nomination.Id, nomination.Version, nomination.Status));
    }

    /// <summary>Saves what the nominating unit typed into a draft or returned nomination; a new dossier replaces the old one.</summary>
    public Task<CommandResult<AwardSaved>> SaveAsync(int nominationId, AwardNominationInput input, FileUpload? dossier, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return StepAsync(nominationId, AwardAction.Edit, expectedVersion,
            (db, nomination, unit) => FillAsync(db, nomination, unit, input, dossier, cancellationToken), cancellationToken);
    }

    /// <summary>Sends the nomination to the level above, by the year's deadline and with its dossier.</summary>
    public Task<CommandResult<AwardSaved>> SubmitAsync(int nominationId, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(nominationId, AwardAction.Submit, expectedVersion, async (db, nomination, _) =>
        {
            var errors = new Dictionary<string, string>();
            if (nomination.DossierFileId is null)
            {
                errors["Dossier"] = AwardMessages.DossierRequired;
            }

            var round = await AwardRounds.OfYearAsync(db, nomination.Year, cancellationToken);
            if (round is null)
            {
                errors[nameof(AwardNominationInput.Year)] = AwardMessages.NoRound(nomination.Year);
            }
            else if (clock.Today > round.NominationDeadline)
            {
                errors[nameof(AwardNominationInput.Year)] = AwardMessages.PastDeadline(nomination.Year, round.NominationDeadline);
            }

            return errors.Count == 0 ? null : CommandResult<AwardSaved>.Invalid(errors, errors.Values.First());
        }, cancellationToken);

    /// <summary>The level above endorses a submitted nomination, with optional remarks.</summary>
    public Task<CommandResult<AwardSaved>> EndorseAsync(int nominationId, string? comment, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(nominationId, AwardAction.Endorse, expectedVersion, (_, nomination, _) => Comment(nomination, comment, required: false), cancellationToken);

    /// <summary>The level above (or the Department, after endorsement) returns the nomination with the reason.</summary>
    public Task<CommandResult<AwardSaved>> ReturnAsync(int nominationId, string? comment, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(nominationId, AwardAction.Return, expectedVersion, (_, nomination, _) => Comment(nomination, comment, required: true), cancellationToken);

    /// <summary>The Department puts an endorsed nomination for the province's certificate on its list for Home Affairs.</summary>
    public Task<CommandResult<AwardSaved>> SelectAsync(int nominationId, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(nominationId, AwardAction.Select, expectedVersion, null, cancellationToken);

    /// <summary>Home Affairs' appraiser records the appraisal: its officer, day and outcome.</summary>
    public Task<CommandResult<AwardSaved>> AppraiseAsync(int nominationId, AwardAppraisalInput appraisal, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        return StepAsync(nominationId, appraisal.Approved ? AwardAction.Appraise : AwardAction.Reject, expectedVersion, (_, nomination, _) =>
        {
            var errors = new Dictionary<string, string>();
            var officer = Clean(appraisal.Officer);
            if (officer is null || officer.Length > 150)
            {
                errors[nameof(AwardAppraisalInput.Officer)] = officer is null ? AwardMessages.OfficerRequired : AwardMessages.TooLong("Họ tên", 150);
            }

            if (!DateFits(nomination, appraisal.On))
            {
                errors[nameof(AwardAppraisalInput.On)] = AwardMessages.DateInvalid;
            }

            var comment = Clean(appraisal.Comment);
            if (!appraisal.Approved && comment is null)
            {
                errors[nameof(AwardAppraisalInput.Comment)] = AwardMessages.RejectionReasonRequired;
            }
            else if (comment?.Length > AwardNomination.CommentMaxLength)
            {
                errors[nameof(AwardAppraisalInput.Comment)] = AwardMessages.TooLong("Ý kiến thẩm định", AwardNomination.CommentMaxLength);
            }

            if (errors.Count > 0)
            {
                return Task.FromResult<CommandResult<AwardSaved>?>(CommandResult<AwardSaved>.Invalid(errors, AwardMessages.MissingFields));
            }

            nomination.AppraisalOfficer = officer;
            nomination.AppraisedOn = appraisal.On;
            nomination.AppraisalComment = comment;
            return Task.FromResult<CommandResult<AwardSaved>?>(null);
        }, cancellationToken);
    }

    /// <summary>Records the commendation decision (the Department for the province's certificate, the level itself for a local one).</summary>
    public Task<CommandResult<AwardSaved>> DecideAsync(int nominationId, AwardDecisionInput decision, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return StepAsync(nominationId, AwardAction.Decide, expectedVersion, (_, nomination, _) =>
        {
            var errors = new Dictionary<string, string>();
            var number = Clean(decision.Number);
            if (number is null || number.Length > 50)
            {
                errors[nameof(AwardDecisionInput.Number)] = number is null ? AwardMessages.DecisionNumberRequired : AwardMessages.TooLong("Số quyết định", 50);
            }

            var signer = Clean(decision.Signer);
            if (signer is null || signer.Length > 150)
            {
                errors[nameof(AwardDecisionInput.Signer)] = signer is null ? AwardMessages.DecisionSignerRequired : AwardMessages.TooLong("Người ký", 150);
            }

            if (!DateFits(nomination, decision.Date))
            {
                errors[nameof(AwardDecisionInput.Date)] = AwardMessages.DateInvalid;
            }

            if (errors.Count > 0)
            {
                return Task.FromResult<CommandResult<AwardSaved>?>(CommandResult<AwardSaved>.Invalid(errors, AwardMessages.MissingFields));
            }

            nomination.DecisionNumber = number;
            nomination.DecisionDate = decision.Date;
            nomination.DecisionSigner = signer;
            return Task.FromResult<CommandResult<AwardSaved>?>(null);
        }, cancellationToken);
    }

    /// <summary>Records that the award was handed over (DX Day, 10/10, unless another day is given).</summary>
    public Task<CommandResult<AwardSaved>> AwardAsync(int nominationId, DateOnly? on, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(nominationId, AwardAction.Award, expectedVersion, (_, nomination, _) =>
        {
            var day = on ?? AwardRound.DigitalTransformationDay(nomination.Year);
            if (!DateFits(nomination, day) || day < nomination.DecisionDate)
            {
                var message = day > clock.Today ? $"Chưa đến ngày trao ({day:dd/MM/yyyy})." : AwardMessages.DateInvalid;
                return Task.FromResult<CommandResult<AwardSaved>?>(CommandResult<AwardSaved>.Invalid(
                    new Dictionary<string, string> { ["On"] = message }, message));
            }

            nomination.AwardedOn = day;
            return Task.FromResult<CommandResult<AwardSaved>?>(null);
        }, cancellationToken);

    private delegate Task<CommandResult<AwardSaved>?> StepWork(CnscdDbContext db, AwardNomination nomination, PracticeRights.PracticeUnit unit);

    private async Task<CommandResult<AwardSaved>> StepAsync(int nominationId, AwardAction action, int expectedVersion, StepWork? work,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nomination = await db.AwardNominations.FirstOrDefaultAsync(n => n.Id == nominationId, cancellationToken);
        if (nomination is null)
        {
            // Outside the actor's subtree (or no such id): a forged request, never a button a page offered.
            throw await refusals.RefuseAsync<AwardNomination>(nominationId, AwardMessages.NotFound, new { action = action.ToString() });
        }

        var unit = (await PracticeModelService.PracticeUnitAsync(db, nomination.UnitId, cancellationToken))!;
        if (!AwardRights.MayEver(db.Actor, unit, nomination.IsLocalForm, action))
        {
            return await RefuseAsync(nomination, action);
        }

        // The version first: a reviewer who read an older state is told what happened, not judged on a state they never saw.
        if (nomination.Version != expectedVersion)
        {
            return await ConflictAsync(db, nomination, cancellationToken);
        }

        if (!AwardRights.May(db.Actor, unit, nomination.Status, nomination.IsLocalForm, action))
        {
            return await RefuseAsync(nomination, action);
        }

        if (!AwardWorkflow.Allows(nomination.Status, action, nomination.IsLocalForm))
        {
            return CommandResult<AwardSaved>.Invalid(AwardWorkflow.RefusalMessage(nomination.Status, action, nomination.IsLocalForm));
        }

        if (work is not null && await work(db, nomination, unit) is { } invalid)
        {
            return invalid;
        }

        db.Entry(nomination).Property(n => n.Version).OriginalValue = expectedVersion;
        nomination.Apply(action, db.Actor.UserId, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Lost the race at the database: read who won in a fresh context.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var stored = await fresh.AwardNominations.AsNoTracking().FirstAsync(n => n.Id == nominationId, cancellationToken);
            return await ConflictAsync(fresh, stored, cancellationToken);
        }

        return CommandResult<AwardSaved>.Ok(new AwardSaved(nomination.Id, nomination.Version, nomination.Status));
    }

    /// <summary>Validates the input and copies it onto the nomination; returns the refusal or the field messages, or null when filled.</summary>
    private async Task<CommandResult<AwardSaved>?> FillAsync(CnscdDbContext db, AwardNomination nomination, PracticeRights.PracticeUnit unit,
        AwardNominationInput input, FileUpload? dossier, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();

        // The nominee is read through the nominator's own scope: a team, unit or member outside it is not found, and the
        // attempt is a forged request (a page only offers the subtree's), refused and audited under the nominee's unit.
        string? nomineeName = input.Kind switch
        {
            NomineeKind.Team => await db.Teams.Where(t => t.Id == input.NomineeId && t.ClosedOn == null).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken),
            NomineeKind.Unit => await db.Units.Where(u => u.Id == input.NomineeId && u.ValidTo == null).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken),
            NomineeKind.Member => await db.TeamMembers.Where(m => m.Id == input.NomineeId && m.EndDate == null).Select(m => m.Person!.FullName)
                .FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (nomineeName is null)
        {
            _ = input.Kind switch
            {
                NomineeKind.Team => await refusals.RefuseAsync<Team>(input.NomineeId, AwardMessages.NomineeOutOfScope, new { nominatingUnit = unit.Id }),
                NomineeKind.Member => await refusals.RefuseAsync<TeamMember>(input.NomineeId, AwardMessages.NomineeOutOfScope, new { nominatingUnit = unit.Id }),
                _ => await refusals.RefuseAtAsync(nameof(AdministrativeUnit), input.NomineeId.ToString(CultureInfo.InvariantCulture),
                    await UnitTree.Everywhere(db).Where(u => u.Id == input.NomineeId).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken),
                    AwardMessages.NomineeOutOfScope, new { nominatingUnit = unit.Id }),
            };
            return CommandResult<AwardSaved>.Refused(AwardMessages.NomineeOutOfScope);
        }

        var achievements = Clean(input.Achievements);
        if (achievements is null)
        {
            errors[nameof(input.Achievements)] = AwardMessages.AchievementsRequired;
        }
        else if (achievements.Length > AwardNomination.AchievementsMaxLength)
        {
            errors[nameof(input.Achievements)] = AwardMessages.TooLong("Thành tích", AwardNomination.AchievementsMaxLength);
        }

        if (input.Year < 2020 || input.Year > clock.Today.Year + 1)
        {
            errors[nameof(input.Year)] = "Năm xét khen thưởng không hợp lệ.";
        }
        else if (await AwardRounds.OfYearAsync(db, input.Year, cancellationToken) is null)
        {
            errors[nameof(input.Year)] = AwardMessages.NoRound(input.Year);
        }

        var reviewerLevel = unit.ParentLevel;
        if (!Enum.IsDefined(input.Form) ||
            (input.Form == AwardForm.DistrictChairmanCertificate && reviewerLevel != UnitLevel.District) ||
            (input.Form == AwardForm.CommuneChairmanCertificate && reviewerLevel != UnitLevel.Commune))
        {
            errors[nameof(input.Form)] = AwardMessages.FormNotAtThisLevel(input.Form.ToVietnamese());
        }

        if (input.PracticeModelId is { } modelId && !await db.PracticeModels.AnyAsync(m => m.Id == modelId, cancellationToken))
        {
            errors[nameof(input.PracticeModelId)] = AwardMessages.ModelNotFound;
        }

        var check = dossier is null ? null : AttachmentPolicy.Check(dossier.FileName, dossier.Content, attachmentOptions.Value.MaxBytes);
        if (check is { IsAccepted: false })
        {
            errors["Dossier"] = check.Error!;
        }

        if (errors.Count > 0)
        {
            return CommandResult<AwardSaved>.Invalid(errors, AwardMessages.MissingFields);
        }

        nomination.Year = input.Year;
        nomination.NomineeKind = input.Kind;
        nomination.NomineeTeamId = input.Kind == NomineeKind.Team ? input.NomineeId : null;
        nomination.NomineeUnitId = input.Kind == NomineeKind.Unit ? input.NomineeId : null;
        nomination.NomineeMemberId = input.Kind == NomineeKind.Member ? input.NomineeId : null;
        nomination.NomineeName = nomineeName;
        nomination.Achievements = achievements!;
        nomination.PracticeModelId = input.PracticeModelId;
        nomination.ProposedForm = input.Form;
        if (check is not null)
        {
            // A new dossier replaces the old one: the old file is removed with the same save, so no unreferenced copy stays stored.
            if (nomination.DossierFileId is { } replaced && await db.Attachments.FirstOrDefaultAsync(a => a.Id == replaced, cancellationToken) is { } old)
            {
                db.Attachments.Remove(old);
            }

            var attachment = new Attachment
            {
                Id = Guid.NewGuid(), UnitId = nomination.UnitId, FileName = check.FileName, ContentType = check.ContentType,
                Size = dossier!.Content.Length, Content = dossier.Content, UploadedAtUtc = clock.UtcNow,
            };
            db.Attachments.Add(attachment);
            nomination.DossierFileId = attachment.Id;
        }

        return null;
    }

    private static Task<CommandResult<AwardSaved>?> Comment(AwardNomination nomination, string? comment, bool required)
    {
        var note = Clean(comment);
        string? error = required && note is null ? AwardMessages.CommentRequired
            : note?.Length > AwardNomination.CommentMaxLength ? AwardMessages.TooLong("Nhận xét", AwardNomination.CommentMaxLength) : null;
        if (error is not null)
        {
            return Task.FromResult<CommandResult<AwardSaved>?>(CommandResult<AwardSaved>.Invalid(new Dictionary<string, string> { ["Comment"] = error }, error));
        }

        nomination.ReviewComment = note;
        return Task.FromResult<CommandResult<AwardSaved>?>(null);
    }

    private bool DateFits(AwardNomination nomination, DateOnly day) => day.Year >= nomination.Year && day <= clock.Today;

    private async Task<CommandResult<AwardSaved>> RefuseAsync(AwardNomination nomination, AwardAction action)
    {
        var reason = action switch
        {
            AwardAction.Edit or AwardAction.Submit => AwardMessages.NotTheNominator,
            AwardAction.Endorse => AwardMessages.NotTheReviewer,
            AwardAction.Appraise or AwardAction.Reject => AwardMessages.NotTheAppraiser,
            AwardAction.Decide or AwardAction.Award when nomination.IsLocalForm => AwardMessages.NotTheDecider,
            AwardAction.Return when nomination.Status != AwardStatus.Endorsed || nomination.IsLocalForm => AwardMessages.NotTheReviewer,
            _ => AwardMessages.NotTheDepartment,
        };
        await refusals.RefuseAtAsync(nameof(AwardNomination), nomination.Id.ToString(CultureInfo.InvariantCulture), nomination.UnitId, reason,
            new { action = action.ToString() });
        return CommandResult<AwardSaved>.Refused(reason);
    }

    private static async Task<CommandResult<AwardSaved>> ConflictAsync(CnscdDbContext db, AwardNomination stored, CancellationToken cancellationToken) =>
        CommandResult<AwardSaved>.Conflicted(
            await StepConflicts.DescribeAsync(db, "Hồ sơ", stored.LastActedByUserId, stored.LastActedAtUtc, stored.Status.ToVietnamese(), stored.Version,
                cancellationToken),
            new AwardSaved(stored.Id, stored.Version, stored.Status));

    // Invisible and control characters removed (tabs and line feeds kept), NFC, trimmed; null when nothing is left.
    private static string? Clean(string? text) => ImportText.CleanOrNull(text);
}
