namespace BacGiang.Cnscd.Web.Components.Pages.Teams;

/// <summary>Which roster edit <see cref="TeamMemberDialog"/> performs.</summary>
public enum TeamMemberDialogMode
{
    Add = 0,
    Position = 1,
    Task = 2,
    Move = 3,
    End = 4,
}
