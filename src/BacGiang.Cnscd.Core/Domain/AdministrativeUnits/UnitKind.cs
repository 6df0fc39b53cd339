namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Legal kind of a unit (Tỉnh, Thành phố, Huyện …); kept as data beside the level.</summary>
public enum UnitKind
{
    Province = 1,     // Tỉnh
    City = 2,         // Thành phố (thuộc tỉnh)
    RuralDistrict = 3, // Huyện
    Town = 4,         // Thị xã
    Commune = 5,      // Xã
    Ward = 6,         // Phường
    Township = 7,     // Thị trấn
    Village = 8,      // Thôn
    ResidentialGroup = 9, // Tổ dân phố
}
