using BacGiang.Cnscd.Core.Features.Restructuring;

namespace BacGiang.Cnscd.Core.Tests.Features.Restructuring;

public sealed class RestructuringNameTests
{
    [Theory]
    [InlineData("Xã Hiệp Hòa", "Xã Hiệp Hoà", true)]   // the official map writes both
    [InlineData("Xã Hiệp Hòa", "Xã Hiệp Hòa", true)]
    [InlineData("Phường Thủy Nguyên", "Phường Thuỷ Nguyên", true)]
    [InlineData("Xã Hiệp Hòa", "Xã Hiệp Hóa", false)]  // another tone: another name
    [InlineData("Xã Hiệp Hòa", "Xã Hiep Hoa", false)]
    [InlineData("Xã Tân Yên", "Xã Tân An", false)]
    public void SameName_IgnoresOnlyWhereTheToneMarkSits(string a, string b, bool same) =>
        Assert.Equal(same, RestructuringService.SameName(a, b));
}
