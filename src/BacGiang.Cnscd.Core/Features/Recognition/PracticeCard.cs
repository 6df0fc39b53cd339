using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>One model as the library and the work list show it.</summary>
public sealed record PracticeCard(
    int Id, string Title, string UnitName, string? ParentName, UnitLevel Level, DigitalSkills Skills, int Year, int HouseholdsReached,
    int AccountsOpened, PracticeStatus Status, string Excerpt, DateTime? PublishedAtUtc)
{
    public bool Featured => Status == PracticeStatus.Featured;

    /// <summary>"Thôn Đông, Xã Tân Sơn" for a village's team; the unit's own name otherwise.</summary>
    public string Where => ParentName is null || Level != UnitLevel.Village ? UnitName : $"{UnitName}, {ParentName}";
}
