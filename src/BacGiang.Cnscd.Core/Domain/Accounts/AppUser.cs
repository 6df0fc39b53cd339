using Microsoft.AspNetCore.Identity;

namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A portal account: one role, one administrative unit (its scope). Deliberately not behind the
/// unit query filter, because sign-in must find the account before any scope exists; account
/// management checks the subtree explicitly (see docs/decisions).
/// </summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public AppRole Role { get; set; }

    public int UnitId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The team membership of a village leader or member, so "me" can be preselected on a visit.</summary>
    public int? MemberId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
