using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>A model's page: every field, where it stands, and the steps the reader may take now.</summary>
public sealed record PracticeModelDetail(
    int Id, int UnitId, string UnitName, string? ParentName, UnitLevel Level, string Title, DigitalSkills Skills, string Description,
    int HouseholdsReached, int AccountsOpened, string? OtherResults, DateOnly StartedOn, DateOnly? EndedOn, string ContactName,
    string? ContactPhone, PracticeStatus Status, string? ReviewComment, DateTime? SubmittedAtUtc, DateTime? PublishedAtUtc,
    string? LastActedBy, DateTime? LastActedAtUtc, int Version, IReadOnlyList<PracticeAction> Available)
{
    public string Where => ParentName is null || Level != UnitLevel.Village ? UnitName : $"{UnitName}, {ParentName}";

    public bool IsPublic => PracticeWorkflow.IsPublic(Status);

    public bool Can(PracticeAction action) => Available.Contains(action);

    /// <summary>The model as the form edits it.</summary>
    public PracticeModelInput ToInput() =>
        new(Title, Skills, Description, HouseholdsReached, AccountsOpened, OtherResults, StartedOn, EndedOn, ContactName, ContactPhone);
}
