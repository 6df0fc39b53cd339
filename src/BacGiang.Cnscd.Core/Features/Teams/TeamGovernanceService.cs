using BacGiang.Cnscd.Core.Features.Common.Results;
using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// Governance records of a team (§2.11, rule R5): the operating regulation (number, date, document) and the
/// annual plan of each year (key targets, document). Documents are checked by <see cref="AttachmentPolicy"/>
/// and stored in the Attachment table under the team's unit, so the scope filter decides who may download them.
/// Edits carry the team's version like roster edits.
/// </summary>
public sealed class TeamGovernanceService(IDbContextFactory<CnscdDbContext> contextFactory, IOptions<AttachmentOptions> options,
    AccessRefusals refusals, VietnamClock clock)
{
    public const string RegulationNumberMessage = "Chưa nhập số Quy chế (ví dụ 15/QĐ-UBND).";

    public const string RegulationDateMessage = "Chưa nhập ngày ban hành Quy chế, hoặc ngày ở tương lai.";

    public const string YearMessage = "Năm kế hoạch không hợp lệ.";

    public const string TargetsMessage = "Chưa nhập chỉ tiêu chính của kế hoạch.";

    private long MaxBytes => options.Value.MaxBytes;

    /// <summary>The team's regulation and plans; null when the team is not in the reader's scope.</summary>
    public async Task<GovernanceDetail?> GetAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
            .Select(t => new { t.Id, t.RegulationNumber, t.RegulationIssuedOn, t.RegulationFileId, t.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return null;
        }

        var plans = await db.AnnualPlans.AsNoTracking().Where(p => p.TeamId == teamId).OrderByDescending(p => p.Year)
            .Select(p => new { p.Year, p.KeyTargets, p.FileId }).ToListAsync(cancellationToken);
        var fileIds = plans.Select(p => p.FileId).Append(team.RegulationFileId).OfType<Guid>().ToList();
        var files = await db.Attachments.AsNoTracking().Where(a => fileIds.Contains(a.Id))
            .Select(a => new AttachmentLink(a.Id, a.FileName, a.Size)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return new GovernanceDetail(team.Id, team.RegulationNumber, team.RegulationIssuedOn,
            team.RegulationFileId is { } r ? files.GetValueOrDefault(r) : null,
            plans.Select(p => new AnnualPlanRow(p.Year, p.KeyTargets, p.FileId is { } f ? files.GetValueOrDefault(f) : null)).ToList(),
            team.Version);
    }

    /// <summary>Records the operating regulation; a new document replaces the link to the old one (which stays stored, for the audit trail).</summary>
    public async Task<CommandResult<int>> SetRegulationAsync(int teamId, string? number, DateOnly? issuedOn, FileUpload? file, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var regulation = TeamEdits.Clean(number);
        if (regulation is null || regulation.Length > 100)
        {
            errors.Add(RegulationNumberMessage);
        }

        if (issuedOn is null || issuedOn > clock.Today)
        {
            errors.Add(RegulationDateMessage);
        }

        var check = CheckFile(file, errors);

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, failure) = await TeamEdits.OpenTeamAsync(db, refusals, teamId, expectedVersion, cancellationToken);
        if (team is null)
        {
            return failure!;
        }

        team.RegulationNumber = regulation;
        team.RegulationIssuedOn = issuedOn;
        if (check is not null)
        {
            team.RegulationFileId = Store(db, team, check, file!);
        }

        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>The attached document's check (null when none was attached); a refused file adds its message to <paramref name="errors"/>.</summary>
    private AttachmentCheck? CheckFile(FileUpload? file, List<string> errors)
    {
        var check = file is null ? null : AttachmentPolicy.Check(file.FileName, file.Content, MaxBytes);
        if (check is { IsAccepted: false })
        {
            errors.Add(check.Error!);
        }

        return check;
    }

    /// <summary>Creates or replaces the team's plan for <paramref name="year"/> (key targets, optionally its document).</summary>
    public async Task<CommandResult<int>> SaveAnnualPlanAsync(int teamId, int year, string? keyTargets, FileUpload? file, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (year < 2020 || year > clock.Today.Year + 1)
        {
            errors.Add(YearMessage);
        }

        var targets = TeamEdits.Clean(keyTargets);
        if (targets is null)
        {
            errors.Add(TargetsMessage);
        }
        else if (targets.Length > 4000)
        {
            errors.Add("Chỉ tiêu quá dài (tối đa 4000 ký tự).");
        }

        var check = CheckFile(file, errors);

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, failure) = await TeamEdits.OpenTeamAsync(db, refusals, teamId, expectedVersion, cancellationToken);
        if (team is null)
        {
            return failure!;
        }

        var plan = await db.AnnualPlans.FirstOrDefaultAsync(p => p.TeamId == team.Id && p.Year == year, cancellationToken);
        if (plan is null)
        {
            plan = new AnnualPlan { UnitId = team.UnitId, TeamId = team.Id, Year = year };
            db.AnnualPlans.Add(plan);
        }

        plan.KeyTargets = targets!;
        if (check is not null)
        {
            plan.FileId = Store(db, team, check, file!);
        }

        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>
    /// A stored document for download, only when the reader's scope covers its team's unit. A forged or foreign id
    /// gives null (the endpoint answers 404) and the attempt is audited.
    /// </summary>
    public async Task<AttachmentContent?> OpenAttachmentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content)).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            await refusals.RefuseAsync<Attachment, Guid>(id, "attachment not in scope");
        }

        return file;
    }

    private Guid Store(CnscdDbContext db, Team team, AttachmentCheck check, FileUpload file)
    {
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(), UnitId = team.UnitId, FileName = check.FileName, ContentType = check.ContentType, Size = file.Content.Length,
            Content = file.Content, UploadedAtUtc = clock.UtcNow,
        };
        db.Attachments.Add(attachment);
        return attachment.Id;
    }
}
