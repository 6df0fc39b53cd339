namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>Where a person of a merge comes from.</summary>
public enum MergeSource
{
    CurrentTeam = 0,  // Tổ CNSCĐ hiện tại
    Project06 = 1,    // Tổ công tác Đề án 06
    Both = 2,         // Có trong cả hai tổ
    PredecessorTeam = 3, // Tổ của đơn vị trước sáp nhập (issue 12): its last roster, offered to the successor's team
}
