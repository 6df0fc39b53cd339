namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Level of an administrative unit, as the directive names them (§2.9, §2.10).</summary>
public enum UnitLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
    Village = 4,
}
