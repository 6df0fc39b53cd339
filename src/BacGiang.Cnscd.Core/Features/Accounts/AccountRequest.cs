using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>What a manager types for a new or edited account (the password travels separately).</summary>
public sealed record AccountRequest(string FullName, string Email, AppRole Role, int UnitId);
