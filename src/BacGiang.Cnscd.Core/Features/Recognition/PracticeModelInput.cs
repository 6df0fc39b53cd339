using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>What the model form sends: every field a submitter types.</summary>
public sealed record PracticeModelInput(
    string? Title, DigitalSkills Skills, string? Description, int HouseholdsReached, int AccountsOpened, string? OtherResults,
    DateOnly StartedOn, DateOnly? EndedOn, string? ContactName, string? ContactPhone);
