namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>Settings of the team pages, bound from the configuration section <c>Teams</c>.</summary>
public sealed class TeamOptions
{
    public const string Section = "Teams";

    /// <summary>Rule R2: a team with no recorded activity for this many days is flagged inactive.</summary>
    public int InactiveAfterDays { get; set; } = 90;
}
