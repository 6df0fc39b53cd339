using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>An active member of the household's village team, offered as the one who made a visit.</summary>
public sealed record TeamMemberOption(int Id, string FullName, TeamPosition Position);
