namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Position in a team: Tổ trưởng / Tổ phó / Thành viên.</summary>
public enum TeamPosition
{
    Member = 0,
    Deputy = 1,
    Leader = 2,
}
