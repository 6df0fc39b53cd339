namespace BacGiang.Cnscd.Core.Domain;

public enum VisitOutcome
{
    Guided = 1,         // Đã hướng dẫn
    NobodyHome = 2,     // Không có người ở nhà
    Declined = 3,       // Hộ từ chối
    FollowUpNeeded = 4, // Cần quay lại
}
