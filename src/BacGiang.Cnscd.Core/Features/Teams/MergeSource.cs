namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>Where a person of a merge comes from.</summary>
public enum MergeSource
{
    CurrentTeam = 0,  // Tổ CNSCĐ hiện tại
    Project06 = 1,    // Tổ công tác Đề án 06
    Both = 2,         // Có trong cả hai tổ
}
