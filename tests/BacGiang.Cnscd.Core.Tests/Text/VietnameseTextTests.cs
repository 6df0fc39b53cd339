using System.Text;
using BacGiang.Cnscd.Core.Text;

namespace BacGiang.Cnscd.Core.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("NGUYỄN VĂN ĐỨC", "nguyen van duc")]
    [InlineData("nguyen van duc", "nguyen van duc")]
    [InlineData("  Trần   Thị  Hằng ", "tran thi hang")]
    [InlineData("Đặng Quỳnh Anh", "dang quynh anh")]
    [InlineData("Xóm 3, Thôn Đồng Tâm", "xom 3, thon dong tam")]
    [InlineData("Ỷ Lan", "y lan")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ToSearchKey_RemovesToneMarksAndCase(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.ToSearchKey(input));

    [Fact]
    public void ToSearchKey_ComposedAndDecomposedInput_GiveTheSameKey()
    {
        const string name = "Nguyễn Thị Thủy";
        var composed = name.Normalize(NormalizationForm.FormC);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.ToSearchKey(composed), VietnameseText.ToSearchKey(decomposed));
        Assert.Equal("nguyen thi thuy", VietnameseText.ToSearchKey(decomposed));
    }

    [Theory]
    [InlineData("0912345123", "09xx xxx 123")]
    [InlineData("091 234 5678", "09xx xxx 678")]
    [InlineData("", "")]
    [InlineData("123", "xxx")]
    public void MaskPhone_KeepsPrefixAndLastThreeDigits(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.MaskPhone(input));
}
