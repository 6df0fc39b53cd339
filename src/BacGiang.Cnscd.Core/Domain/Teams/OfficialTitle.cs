namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The office a person holds outside the team. Rule R1 (§1.1) prescribes which office holds which
/// team position, so it is recorded separately from <see cref="TeamPosition"/>.
/// </summary>
public enum OfficialTitle
{
    None = 0,
    CommuneChair = 1,             // Chủ tịch UBND xã
    CommunePoliceChief = 2,       // Trưởng Công an xã
    CommuneYouthUnionSecretary = 3, // Bí thư Đoàn xã
    VillageHead = 4,              // Trưởng thôn / Tổ trưởng tổ dân phố
    VillagePoliceOfficer = 5,     // Công an viên
    VillageYouthUnionSecretary = 6, // Bí thư Chi đoàn thôn
}
