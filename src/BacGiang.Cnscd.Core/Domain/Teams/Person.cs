namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A person who serves (or served) on a team. Memberships come and go; the person stays, so the
/// same person moving between teams is one row. No citizen ID number is stored.
/// </summary>
public class Person : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>Lower-case, diacritic-free copy of <see cref="FullName"/> for search (indexed).</summary>
    public string FullNameSearch { get; set; } = "";

    public int? BirthYear { get; set; }

    public string? Phone { get; set; }

    public string? Zalo { get; set; }

    public int Version { get; set; }
}
