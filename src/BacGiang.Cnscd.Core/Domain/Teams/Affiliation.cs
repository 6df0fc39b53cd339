namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Where a member comes from (§1.1): each member's affiliation is recorded.</summary>
public enum Affiliation
{
    Official = 1,          // Cán bộ, công chức
    Police = 2,            // Công an
    YouthUnion = 3,        // Đoàn Thanh niên
    MassOrganisation = 4,  // Mặt trận, đoàn thể
    Teacher = 5,           // Giáo viên
    PostTelecomBank = 6,   // Bưu điện, viễn thông, ngân hàng
    Citizen = 7,           // Người dân
}
