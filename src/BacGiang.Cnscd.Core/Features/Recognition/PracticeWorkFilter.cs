using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// The models of the actor's subtree in any state, narrowed to one state, or to those waiting for this actor's step
/// (a submitted model of a unit it reviews; for the Department also the accepted ones to publish).
/// </summary>
public sealed record PracticeWorkFilter(PracticeStatus? Status = null, bool AwaitingMe = false, string? Query = null);
