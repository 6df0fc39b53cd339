namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A step of the practice-model workflow.</summary>
public enum PracticeAction
{
    Edit,
    Submit,
    Accept,
    Return,
    Publish,
    Feature,
    Unfeature,
}
