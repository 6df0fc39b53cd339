namespace BacGiang.Cnscd.Core.Domain;

/// <summary>The 5 basic digital skills (preamble of the directive), as flags so a set fits one column.</summary>
[Flags]
public enum DigitalSkills
{
    None = 0,
    OnlinePublicServices = 1, // Sử dụng dịch vụ công trực tuyến
    OnlineShopping = 2,       // Mua sắm trực tuyến
    OnlinePayment = 4,        // Thanh toán trực tuyến
    OnlineSafety = 8,         // Tự bảo vệ mình trên không gian mạng
    OtherPlatforms = 16,      // Sử dụng nền tảng số khác
    All = OnlinePublicServices | OnlineShopping | OnlinePayment | OnlineSafety | OtherPlatforms,
}
