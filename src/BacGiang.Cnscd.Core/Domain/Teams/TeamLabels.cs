namespace BacGiang.Cnscd.Core.Domain;

public static class TeamLabels
{
    public static string ToVietnamese(this TeamPosition position) => position switch
    {
        TeamPosition.Leader => "Tổ trưởng",
        TeamPosition.Deputy => "Tổ phó",
        _ => "Thành viên",
    };

    public static string ToVietnamese(this OfficialTitle title) => title switch
    {
        OfficialTitle.CommuneChair => "Chủ tịch UBND xã",
        OfficialTitle.CommunePoliceChief => "Trưởng Công an xã",
        OfficialTitle.CommuneYouthUnionSecretary => "Bí thư Đoàn xã",
        OfficialTitle.VillageHead => "Trưởng thôn, Tổ trưởng tổ dân phố",
        OfficialTitle.VillagePoliceOfficer => "Công an viên",
        OfficialTitle.VillageYouthUnionSecretary => "Bí thư Chi đoàn thôn",
        _ => "Không",
    };

    public static string ToVietnamese(this Affiliation affiliation) => affiliation switch
    {
        Affiliation.Official => "Cán bộ, công chức",
        Affiliation.Police => "Công an",
        Affiliation.YouthUnion => "Đoàn Thanh niên",
        Affiliation.MassOrganisation => "Mặt trận, đoàn thể",
        Affiliation.Teacher => "Giáo viên",
        Affiliation.PostTelecomBank => "Bưu điện, viễn thông, ngân hàng",
        Affiliation.Citizen => "Người dân",
        _ => affiliation.ToString(),
    };

    public static string ToVietnamese(this ActivityKind kind) => kind switch
    {
        ActivityKind.Training => "Tập huấn",
        ActivityKind.Outreach => "Tuyên truyền",
        _ => kind.ToString(),
    };
}
