namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>The Vietnamese messages of the awards' documents, in one place for pages and tests.</summary>
public static class AwardDocumentMessages
{
    /// <summary>A unit outside the reader's scope (or no such unit): the same words either way, so the answer confirms nothing.</summary>
    public const string UnitOutOfScope = "Đơn vị không thuộc phạm vi của tài khoản.";

    /// <summary>A village, or a village leader: the list is a document of a commune, a district or the Department.</summary>
    public const string NotAListIssuer = "Danh sách đề nghị khen thưởng do UBND xã, UBND huyện hoặc Sở lập; hồ sơ của thôn nằm trong danh sách của xã.";

    public const string NotTheProvince = "Chỉ tài khoản cấp tỉnh (Sở, Sở Nội vụ) mới xuất phụ lục quyết định khen thưởng của tỉnh.";
}
