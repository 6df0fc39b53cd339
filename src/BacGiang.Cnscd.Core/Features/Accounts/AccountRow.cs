using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>
/// An account as the account list shows it. <see cref="ConcurrencyStamp"/> is what the editor loaded and
/// must hand back on save; <see cref="IsSelf"/> lets the page hide what nobody may do to their own account.
/// </summary>
public sealed record AccountRow(string Id, string FullName, string Email, AppRole Role, int UnitId, string UnitName,
    bool IsActive, string ConcurrencyStamp, bool IsSelf);
