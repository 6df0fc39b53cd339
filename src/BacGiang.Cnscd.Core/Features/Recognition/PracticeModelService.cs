using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// The commands of the practice-model register (§1.6, §2.1đ): a unit drafts and submits its model, the level above
/// accepts it with comments or returns it with the reason, the Department publishes it to the library and may feature
/// it. The states are <see cref="PracticeWorkflow"/>'s, the rights <see cref="PracticeRights"/>'; every change is
/// audited by the interceptor, every refusal once here (<see cref="AccessRefusals"/>). Two reviewers acting at once:
/// the model's <see cref="PracticeModel.Version"/> lets one win, and the other is told who acted and when, with
/// nothing written. Reading is <see cref="PracticeLibraryService"/>'s.
/// </summary>
public sealed class PracticeModelService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    /// <summary>Starts a draft model of <paramref name="unitId"/> (the actor's own village, commune or district).</summary>
    public async Task<CommandResult<PracticeSaved>> CreateAsync(int unitId, PracticeModelInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await PracticeUnitAsync(db, unitId, cancellationToken);
        if (unit is null || !PracticeRights.IsAuthor(db.Actor, unit))
        {
            // A forged unit id and a role that may not submit are one refusal, filed under the unit that was named.
            await refusals.RefuseAtAsync(nameof(PracticeModel), null, unit?.Id, PracticeMessages.NotTheAuthor, new { unitId });
            return CommandResult<PracticeSaved>.Refused(PracticeMessages.NotTheAuthor);
        }

        var (fields, errors) = Validate(input);
        if (errors.Count > 0)
        {
            return CommandResult<PracticeSaved>.Invalid(errors, PracticeMessages.MissingFields);
        }

        var model = new PracticeModel
        {
            UnitId = unitId, SubmitterLevel = unit.Level, CreatedByUserId = db.Actor.UserId, CreatedAtUtc = clock.UtcNow,
            LastActedByUserId = db.Actor.UserId, LastActedAtUtc = clock.UtcNow,
        };
        Fill(model, fields);
        db.PracticeModels.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<PracticeSaved>.Ok(new PracticeSaved(model.Id, model.Version, model.Status));
    }

    /// <summary>Saves what the author typed into a draft or returned model.</summary>
    public Task<CommandResult<PracticeSaved>> SaveAsync(int modelId, PracticeModelInput input, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return StepAsync(modelId, PracticeAction.Edit, input, null, expectedVersion, cancellationToken);
    }

    /// <summary>Sends the model to the level above; it can no longer be edited until it is returned.</summary>
    public Task<CommandResult<PracticeSaved>> SubmitAsync(int modelId, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(modelId, PracticeAction.Submit, null, null, expectedVersion, cancellationToken);

    /// <summary>The level above accepts a submitted model, with optional comments, for the Department to publish.</summary>
    public Task<CommandResult<PracticeSaved>> AcceptAsync(int modelId, string? comment, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(modelId, PracticeAction.Accept, null, comment, expectedVersion, cancellationToken);

    /// <summary>The level above (or the Department, after acceptance) returns the model with the reason; the author may edit it again.</summary>
    public Task<CommandResult<PracticeSaved>> ReturnAsync(int modelId, string? comment, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(modelId, PracticeAction.Return, null, comment, expectedVersion, cancellationToken);

    /// <summary>The Department publishes an accepted model to the library every account reads.</summary>
    public Task<CommandResult<PracticeSaved>> PublishAsync(int modelId, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(modelId, PracticeAction.Publish, null, null, expectedVersion, cancellationToken);

    /// <summary>The Department marks a published model as featured (tiêu biểu), or takes the mark off.</summary>
    public Task<CommandResult<PracticeSaved>> SetFeaturedAsync(int modelId, bool featured, int expectedVersion, CancellationToken cancellationToken = default) =>
        StepAsync(modelId, featured ? PracticeAction.Feature : PracticeAction.Unfeature, null, null, expectedVersion, cancellationToken);

    /// <summary>The submitting unit as <see cref="PracticeRights"/> sees it, read from the public unit tree; null when there is no such unit.</summary>
    internal static Task<PracticeRights.PracticeUnit?> PracticeUnitAsync(CnscdDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var units = UnitTree.Everywhere(db);
        return units.Where(u => u.Id == unitId)
            .Select(u => new PracticeRights.PracticeUnit(u.Id, u.Level, u.ParentId,
                units.Where(p => p.Id == u.ParentId).Select(p => (UnitLevel?)p.Level).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<CommandResult<PracticeSaved>> StepAsync(int modelId, PracticeAction action, PracticeModelInput? input, string? comment,
        int expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.PracticeModels.FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null)
        {
            // Outside the actor's subtree (or no such id): a forged request, never a button a page offered.
            throw await refusals.RefuseAsync<PracticeModel>(modelId, PracticeMessages.NotFound, new { action = action.ToString() });
        }

        var unit = (await PracticeUnitAsync(db, model.UnitId, cancellationToken))!;
        if (!PracticeRights.MayEver(db.Actor, unit, action))
        {
            return await RefuseAsync(model, action);
        }

        // The version first: a reviewer who read an older state is told what happened, not judged on a state they never saw.
        if (model.Version != expectedVersion)
        {
            return await ConflictAsync(db, model, cancellationToken);
        }

        if (!PracticeRights.May(db.Actor, unit, model.Status, action))
        {
            return await RefuseAsync(model, action);
        }

        if (!PracticeWorkflow.Allows(model.Status, action))
        {
            return CommandResult<PracticeSaved>.Invalid(new PracticeTransitionException(model.Status, action).Message);
        }

        var note = Clean(comment);
        if (action is PracticeAction.Accept or PracticeAction.Return)
        {
            if (action == PracticeAction.Return && note is null)
            {
                return CommandResult<PracticeSaved>.Invalid(new Dictionary<string, string> { ["Comment"] = PracticeMessages.CommentRequired },
                    PracticeMessages.CommentRequired);
            }

            if (note?.Length > PracticeModelLimits.Comment)
            {
                var message = PracticeMessages.TooLong("Nhận xét", PracticeModelLimits.Comment);
                return CommandResult<PracticeSaved>.Invalid(new Dictionary<string, string> { ["Comment"] = message }, message);
            }
        }

        if (input is not null)
        {
            var (fields, errors) = Validate(input);
            if (errors.Count > 0)
            {
                return CommandResult<PracticeSaved>.Invalid(errors, PracticeMessages.MissingFields);
            }

            Fill(model, fields);
        }

        db.Entry(model).Property(m => m.Version).OriginalValue = expectedVersion;
        model.Apply(action, note, db.Actor.UserId, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Lost the race at the database: read who won in a fresh context.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var stored = await fresh.PracticeModels.AsNoTracking().FirstAsync(m => m.Id == modelId, cancellationToken);
            return await ConflictAsync(fresh, stored, cancellationToken);
        }

        return CommandResult<PracticeSaved>.Ok(new PracticeSaved(model.Id, model.Version, model.Status));
    }

    private async Task<CommandResult<PracticeSaved>> RefuseAsync(PracticeModel model, PracticeAction action)
    {
        var reason = action switch
        {
            PracticeAction.Edit or PracticeAction.Submit => PracticeMessages.NotTheAuthor,
            PracticeAction.Publish or PracticeAction.Feature or PracticeAction.Unfeature => PracticeMessages.NotTheDepartment,
            PracticeAction.Return when model.Status == PracticeStatus.Accepted => PracticeMessages.NotTheDepartment,
            _ => PracticeMessages.NotTheReviewer,
        };
        await refusals.RefuseAtAsync(nameof(PracticeModel), model.Id.ToString(CultureInfo.InvariantCulture), model.UnitId, reason,
            new { action = action.ToString() });
        return CommandResult<PracticeSaved>.Refused(reason);
    }

    private static async Task<CommandResult<PracticeSaved>> ConflictAsync(CnscdDbContext db, PracticeModel stored, CancellationToken cancellationToken) =>
        CommandResult<PracticeSaved>.Conflicted(
            await StepConflicts.DescribeAsync(db, "Mô hình", stored.LastActedByUserId, stored.LastActedAtUtc, stored.Status.ToVietnamese(), stored.Version,
                cancellationToken),
            new PracticeSaved(stored.Id, stored.Version, stored.Status));

    private sealed record Fields(string Title, DigitalSkills Skills, string Description, int HouseholdsReached, int AccountsOpened,
        string? OtherResults, DateOnly StartedOn, DateOnly? EndedOn, string ContactName, string? ContactPhone);

    /// <summary>The cleaned fields and the field messages (keys are the input's property names).</summary>
    private (Fields Fields, Dictionary<string, string> Errors) Validate(PracticeModelInput input)
    {
        var errors = new Dictionary<string, string>();
        var title = Clean(input.Title);
        if (title is null)
        {
            errors[nameof(input.Title)] = PracticeMessages.TitleRequired;
        }
        else if (title.Length > PracticeModelLimits.Title)
        {
            errors[nameof(input.Title)] = PracticeMessages.TooLong("Tên mô hình", PracticeModelLimits.Title);
        }

        var description = Clean(input.Description);
        if (description is null)
        {
            errors[nameof(input.Description)] = PracticeMessages.DescriptionRequired;
        }
        else if (description.Length > PracticeModelLimits.Description)
        {
            errors[nameof(input.Description)] = PracticeMessages.TooLong("Phần mô tả", PracticeModelLimits.Description);
        }

        var skills = input.Skills & DigitalSkills.All;
        if (skills == DigitalSkills.None)
        {
            errors[nameof(input.Skills)] = PracticeMessages.SkillsRequired;
        }

        if (input.HouseholdsReached is < 0 or > 1_000_000 || input.AccountsOpened is < 0 or > 1_000_000)
        {
            errors[nameof(input.HouseholdsReached)] = PracticeMessages.FiguresInvalid;
        }

        var other = Clean(input.OtherResults);
        if (other?.Length > PracticeModelLimits.OtherResults)
        {
            errors[nameof(input.OtherResults)] = PracticeMessages.TooLong("Kết quả khác", PracticeModelLimits.OtherResults);
        }

        if (input.StartedOn.Year < 2020 || input.StartedOn > clock.Today || input.EndedOn < input.StartedOn)
        {
            errors[nameof(input.StartedOn)] = PracticeMessages.PeriodInvalid;
        }

        var contact = Clean(input.ContactName);
        if (contact is null)
        {
            errors[nameof(input.ContactName)] = PracticeMessages.ContactRequired;
        }
        else if (contact.Length > PracticeModelLimits.ContactName)
        {
            errors[nameof(input.ContactName)] = PracticeMessages.TooLong("Người liên hệ", PracticeModelLimits.ContactName);
        }

        // One rule for every phone the portal stores.
        if (!VietnamesePhone.TryNormalise(input.ContactPhone, out var phone))
        {
            errors[nameof(input.ContactPhone)] = VietnamesePhone.Message;
        }

        return (new Fields(title ?? "", skills, description ?? "", input.HouseholdsReached, input.AccountsOpened, other, input.StartedOn,
            input.EndedOn, contact ?? "", phone), errors);
    }

    private static void Fill(PracticeModel model, Fields fields)
    {
        model.Title = fields.Title;
        model.Skills = fields.Skills;
        model.Description = fields.Description;
        model.SearchText = VietnameseText.ToSearchKey(fields.Title + " " + fields.Description);
        model.HouseholdsReached = fields.HouseholdsReached;
        model.AccountsOpened = fields.AccountsOpened;
        model.OtherResults = fields.OtherResults;
        model.StartedOn = fields.StartedOn;
        model.EndedOn = fields.EndedOn;
        model.Year = fields.StartedOn.Year;
        model.ContactName = fields.ContactName;
        model.ContactPhone = fields.ContactPhone;
    }

    // Invisible and control characters removed (tabs and line feeds kept), NFC, trimmed; null when nothing is left.
    private static string? Clean(string? text) => ImportText.CleanOrNull(text);
}
