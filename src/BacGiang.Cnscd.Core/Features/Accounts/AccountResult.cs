namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>
/// The outcome of an account change that was allowed but may still fail validation (short password,
/// e-mail in use, edited by someone else meanwhile). Refusals for scope or role are exceptions instead.
/// </summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? AccountId = null)
{
    public static AccountResult Ok(string accountId) => new(true, [], accountId);

    public static AccountResult Fail(params string[] errors) => new(false, errors);

    public static AccountResult Fail(IEnumerable<string> errors) => new(false, errors.Distinct().ToList());
}
