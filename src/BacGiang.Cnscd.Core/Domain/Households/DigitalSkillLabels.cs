namespace BacGiang.Cnscd.Core.Domain;

public static class DigitalSkillLabels
{
    /// <summary>The five skills one by one, in the directive's order.</summary>
    public static readonly IReadOnlyList<DigitalSkills> Each =
    [
        DigitalSkills.OnlinePublicServices,
        DigitalSkills.OnlineShopping,
        DigitalSkills.OnlinePayment,
        DigitalSkills.OnlineSafety,
        DigitalSkills.OtherPlatforms,
    ];

    public static string ToVietnamese(this DigitalSkills skill) => skill switch
    {
        DigitalSkills.OnlinePublicServices => "Sử dụng dịch vụ công trực tuyến",
        DigitalSkills.OnlineShopping => "Mua sắm trực tuyến",
        DigitalSkills.OnlinePayment => "Thanh toán trực tuyến",
        DigitalSkills.OnlineSafety => "Tự bảo vệ mình trên không gian mạng",
        DigitalSkills.OtherPlatforms => "Sử dụng nền tảng số khác",
        DigitalSkills.None => "Không",
        _ => string.Join(", ", Each.Where(s => skill.HasFlag(s)).Select(s => s.ToVietnamese())),
    };

    public static int Count(this DigitalSkills skills) => System.Numerics.BitOperations.PopCount((uint)(skills & DigitalSkills.All));
}
