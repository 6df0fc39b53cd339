namespace BacGiang.Cnscd.Core.Tenancy;

/// <summary>
/// Supplies the current <see cref="Actor"/> to the DbContext. The web host reads it from the signed-in
/// account; command-line verbs and tests pass a fixed one.
/// </summary>
public interface IActorAccessor
{
    Actor Current { get; }
}
