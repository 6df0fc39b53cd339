namespace BacGiang.Cnscd.Core.Features.Common.Results;

/// <summary>How a command ended. Only <see cref="Ok"/> wrote anything.</summary>
public enum CommandOutcome
{
    /// <summary>Saved.</summary>
    Ok,

    /// <summary>The input was wrong: see the errors; nothing was written and the form keeps what was typed.</summary>
    Invalid,

    /// <summary>Someone saved the same thing since the form was read: see <see cref="CommandResult{T}.Conflict"/>.</summary>
    Conflict,

    /// <summary>The actor may not do this (role or scope); the refusal was audited once.</summary>
    Refused,
}
