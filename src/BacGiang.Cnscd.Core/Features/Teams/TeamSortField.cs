namespace BacGiang.Cnscd.Core.Features.Teams;

public enum TeamSortField
{
    Name = 0,
    Unit = 1,
    Members = 2,
    LastActivity = 3,
}
