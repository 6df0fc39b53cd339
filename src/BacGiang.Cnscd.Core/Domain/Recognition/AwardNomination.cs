namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A nomination for a DX Day commendation (§1.7, §2.1e, §2.5, §2.9đ): a village, commune or district proposes a collective
/// (a team, a unit of its subtree) or an individual (a member of one of its teams), with the achievements, a linked
/// model where there is one, the proposed form and the dossier. It belongs to the nominating unit and moves through
/// <see cref="AwardWorkflow"/>: the level above endorses it; for the province's certificate the Department selects it,
/// Home Affairs appraises it, and the decision is recorded; a district's or commune's certificate is decided at that level.
/// </summary>
public class AwardNomination : UnitScopedEntity, IVersioned
{
    public const int AchievementsMaxLength = 4000;

    public const int CommentMaxLength = 2000;

    public int Id { get; set; }

    public int Year { get; set; }

    public NomineeKind NomineeKind { get; set; }

    public int? NomineeTeamId { get; set; }

    public int? NomineeUnitId { get; set; }

    /// <summary>The nominated member's roster row (an individual).</summary>
    public int? NomineeMemberId { get; set; }

    /// <summary>The nominee's name as it stood when nominated (team, unit or person): what the documents print.</summary>
    public string NomineeName { get; set; } = "";

    [FreeText]
    public string Achievements { get; set; } = "";

    /// <summary>A model of the library that the achievements rest on, if any.</summary>
    public int? PracticeModelId { get; set; }

    public AwardForm ProposedForm { get; set; }

    /// <summary>The dossier (tờ trình, báo cáo thành tích): required before the nomination is submitted.</summary>
    public Guid? DossierFileId { get; set; }

    public AwardStatus Status { get; set; } = AwardStatus.Draft;

    /// <summary>The last reviewer's comment: endorsement remarks, or the reason it was returned.</summary>
    [FreeText]
    public string? ReviewComment { get; set; }

    /// <summary>Home Affairs' appraisal: the officer's name as they signed it, the day and the remarks.</summary>
    public string? AppraisalOfficer { get; set; }

    public DateOnly? AppraisedOn { get; set; }

    [FreeText]
    public string? AppraisalComment { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? DecisionSigner { get; set; }

    public DateOnly? AwardedOn { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>Who made the last step and when: what a second reviewer acting at once is told.</summary>
    public string? LastActedByUserId { get; set; }

    public DateTime? LastActedAtUtc { get; set; }

    public int Version { get; set; }

    /// <summary>Whether the form is decided at the reviewing level (a district's or commune's certificate) rather than by the province.</summary>
    public bool IsLocalForm => ProposedForm != AwardForm.ProvincialChairmanCertificate;

    /// <summary>Moves the nomination along the workflow; throws <see cref="InvalidOperationException"/> when the step is not allowed from here.</summary>
    public void Apply(AwardAction action, string? userId, DateTime atUtc)
    {
        Status = AwardWorkflow.Next(Status, action, IsLocalForm);
        if (action == AwardAction.Submit)
        {
            SubmittedAtUtc = atUtc;
        }

        LastActedByUserId = userId;
        LastActedAtUtc = atUtc;
    }
}
