namespace BacGiang.Cnscd.Core.Domain;

/// <summary>What a target (chỉ tiêu, rule R6) measures; each is a percentage.</summary>
public enum TargetIndicator
{
    HouseholdsCovered = 1,       // % hộ gia đình được phủ
    HouseholdsWithVneid = 2,     // % hộ có VNeID mức 2
    HouseholdsWithPublicServiceAccount = 3, // % hộ có tài khoản DVCTT
    TeamsConstituted = 4,        // % tổ đã kiện toàn
}
