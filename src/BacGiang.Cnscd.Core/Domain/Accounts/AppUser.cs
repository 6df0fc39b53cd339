using BacGiang.Cnscd.Core.Text;
using Microsoft.AspNetCore.Identity;

namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A portal account: one role, one administrative unit (its scope). Deliberately not behind the
/// unit query filter, because sign-in must find the account before any scope exists; account
/// management checks the subtree explicitly (see docs/decisions).
/// </summary>
public class AppUser : IdentityUser
{
    private string _fullName = "";

    /// <summary>The account holder's name; setting it also sets <see cref="FullNameSearch"/>.</summary>
    public string FullName
    {
        get => _fullName;
        set
        {
            _fullName = value;
            FullNameSearch = VietnameseText.ToSearchKey(value);
        }
    }

    /// <summary>
    /// <see cref="FullName"/> without diacritics, lower case: the account list searches it in SQL. Derived
    /// in the setter so that every path that names an account (demo seed, create-admin, account
    /// management) keeps it in step without knowing about it.
    /// </summary>
    public string FullNameSearch { get; private set; } = "";

    public AppRole Role { get; set; }

    public int UnitId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The team membership of a village leader or member, so "me" can be preselected on a visit.</summary>
    public int? MemberId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
