namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>A unit an account may be bound to, with its parent's name to tell apart same-named villages.</summary>
public sealed record UnitOption(int Id, string Name, string? ParentName)
{
    public string Display => ParentName is null ? Name : $"{Name} ({ParentName})";

    public override string ToString() => Display;
}
