namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A digital-transformation model or good practice (mô hình chuyển đổi số, cách làm hay; §1.6, §2.1đ): what a village
/// team, a commune or a district did for one or more of the 5 skills, with its results in figures. It belongs to the
/// submitting unit (a village stands for its team). It moves through <see cref="PracticeWorkflow"/>: the level above
/// reviews it, the Department publishes it to the library every account can read, and may feature it.
/// </summary>
public class PracticeModel : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The title and description without diacritics, lower-case (<c>VietnameseText.ToSearchKey</c>): what the library searches.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The submitting unit's level (village = its team, commune, district): a library filter, fixed at creation.</summary>
    public UnitLevel SubmitterLevel { get; set; }

    /// <summary>Which of the 5 skills the model serves (at least one).</summary>
    public DigitalSkills Skills { get; set; }

    /// <summary>What was done.</summary>
    [FreeText]
    public string Description { get; set; } = "";

    public int HouseholdsReached { get; set; }

    /// <summary>VNeID and online-public-service accounts opened through the model.</summary>
    public int AccountsOpened { get; set; }

    /// <summary>Other results, in words.</summary>
    [FreeText]
    public string? OtherResults { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    /// <summary>The year the model is filed under in the library (its start).</summary>
    public int Year { get; set; }

    public string ContactName { get; set; } = "";

    public string? ContactPhone { get; set; }

    public PracticeStatus Status { get; set; } = PracticeStatus.Draft;

    /// <summary>The last reviewer's comment (accept with comments, or the reason it was returned).</summary>
    [FreeText]
    public string? ReviewComment { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Who made the last workflow step and when: what a second reviewer acting at once is told.</summary>
    public string? LastActedByUserId { get; set; }

    public DateTime? LastActedAtUtc { get; set; }

    public int Version { get; set; }

    /// <summary>Moves the model along the workflow; throws <see cref="PracticeTransitionException"/> when the step is not allowed from here.</summary>
    public void Apply(PracticeAction action, string? comment, string? userId, DateTime atUtc)
    {
        Status = PracticeWorkflow.Next(Status, action);
        switch (action)
        {
            case PracticeAction.Submit:
                SubmittedAtUtc = atUtc;
                break;
            case PracticeAction.Accept:
            case PracticeAction.Return:
                ReviewComment = comment;
                break;
            case PracticeAction.Publish:
                PublishedAtUtc = atUtc;
                break;
        }

        LastActedByUserId = userId;
        LastActedAtUtc = atUtc;
    }
}
