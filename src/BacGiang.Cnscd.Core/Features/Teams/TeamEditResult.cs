namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// The outcome of a roster or governance edit: the team's new version on success, else the Vietnamese
/// reasons. <see cref="IsConflict"/> means someone saved the team since the form was loaded: reload, nothing was written.
/// </summary>
public sealed record TeamEditResult(bool Succeeded, IReadOnlyList<string> Errors, int? Version = null, bool IsConflict = false)
{
    public static TeamEditResult Ok(int version) => new(true, [], version);

    public static TeamEditResult Fail(params string[] errors) => new(false, errors);

    public static TeamEditResult Conflict() => new(false, [TeamService.ConflictMessage], IsConflict: true);
}
