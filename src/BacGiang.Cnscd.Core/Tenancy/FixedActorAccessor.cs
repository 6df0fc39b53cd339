namespace BacGiang.Cnscd.Core.Tenancy;

/// <summary>An accessor that always answers the same actor (command-line verbs, tests, design time).</summary>
public sealed class FixedActorAccessor(Actor actor) : IActorAccessor
{
    public Actor Current { get; set; } = actor;
}
