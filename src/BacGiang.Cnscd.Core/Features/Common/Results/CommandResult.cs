namespace BacGiang.Cnscd.Core.Features.Common.Results;

/// <summary>
/// The one result shape of every command a page sends (save a visit, edit a team, submit a report …): ok with a
/// value, or invalid with Vietnamese messages (general and per field), or a conflict with who saved first and when,
/// or refused. Scope refusals of forged ids stay exceptions (<see cref="Tenancy.ScopeViolationException"/>): a page
/// never offers them, so they are not a form's outcome.
/// </summary>
/// <typeparam name="T">What a success hands back (the new version, a count, an id …).</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "The factories are the result's vocabulary: CommandResult<int>.Ok(version), .Conflicted(...).")]
public sealed record CommandResult<T>
{
    private static readonly IReadOnlyDictionary<string, string> NoFieldErrors = new Dictionary<string, string>();

    private CommandResult(CommandOutcome outcome, T? value, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string> fieldErrors,
        EditConflict? conflict)
    {
        Outcome = outcome;
        Value = value;
        Errors = errors;
        FieldErrors = fieldErrors;
        Conflict = conflict;
    }

    public CommandOutcome Outcome { get; }

    /// <summary>
    /// What the command produced; on a conflict, what is stored now when the command read it (a report's current
    /// status and version); otherwise the default of <typeparamref name="T"/>.
    /// </summary>
    public T? Value { get; }

    /// <summary>Messages for the whole form (for a conflict, its message).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Messages for single fields, keyed by the field's name.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="CommandOutcome.Conflict"/>.</summary>
    public EditConflict? Conflict { get; }

    public bool Succeeded => Outcome == CommandOutcome.Ok;

    public bool IsConflict => Outcome == CommandOutcome.Conflict;

    /// <summary>The first message, for pages that show one line.</summary>
    public string? Error => Errors.Count > 0 ? Errors[0] : FieldErrors.Values.FirstOrDefault();

    public static CommandResult<T> Ok(T value) => new(CommandOutcome.Ok, value, [], NoFieldErrors, null);

    public static CommandResult<T> Invalid(params string[] errors) => new(CommandOutcome.Invalid, default, errors.Distinct().ToList(), NoFieldErrors, null);

    public static CommandResult<T> Invalid(IEnumerable<string> errors) => Invalid([.. errors]);

    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string> fieldErrors, params string[] errors) =>
        new(CommandOutcome.Invalid, default, errors, fieldErrors, null);

    public static CommandResult<T> Conflicted(EditConflict conflict, T? current = default) =>
        new(CommandOutcome.Conflict, current, [conflict.Message], NoFieldErrors, conflict);

    public static CommandResult<T> Refused(string message) => new(CommandOutcome.Refused, default, [message], NoFieldErrors, null);
}
