namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>The outcome of a contact-point edit: the new version on success, else the Vietnamese reasons.</summary>
public sealed record ContactUpdateResult(bool Succeeded, IReadOnlyList<string> Errors, int? Version = null, bool IsConflict = false)
{
    public static ContactUpdateResult Ok(int version) => new(true, [], version);

    public static ContactUpdateResult Fail(params string[] errors) => new(false, errors);
}
