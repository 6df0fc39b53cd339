namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Where a <see cref="PracticeModel"/> stands (see <see cref="PracticeWorkflow"/>). Stored as its number.</summary>
public enum PracticeStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Accepted = 3,
    Published = 4,
    Featured = 5,
}
