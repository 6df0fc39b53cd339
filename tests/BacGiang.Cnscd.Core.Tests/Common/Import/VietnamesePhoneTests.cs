using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Tests.Common.Import;

public sealed class VietnamesePhoneTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    [InlineData("0912-345-678")]
    [InlineData("(091) 2345678")]
    [InlineData("84912345678")]
    [InlineData("84 912 345 678")]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("+84 0912 345 678")]
    [InlineData("0084912345678")]
    [InlineData("\u00A00912\u00A0345\u00A0678 ")]
    public void TryNormalise_EveryWayOfWritingOneNumber_GivesTheStoredForm(string text)
    {
        Assert.True(VietnamesePhone.TryNormalise(text, out var phone));
        Assert.Equal("0912345678", phone);
    }

    [Theory]
    [InlineData(912345678d)]
    [InlineData(84912345678d)]
    public void TryNormalise_ANumberCell_IsTheSameNumberAsItsText(double value)
    {
        Assert.True(VietnamesePhone.TryNormalise(SheetCell.FromNumber(value), out var phone));
        Assert.Equal("0912345678", phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("09123")]
    [InlineData("09l2345678")]
    [InlineData("091234567890")]
    [InlineData("02043854123")]
    [InlineData("912345678")]
    [InlineData("+1 912 345 678")]
    [InlineData("0912+345678")]
    [InlineData("8491234567")]
    public void TryNormalise_WhatIsNotAVietnameseMobileNumber_IsRefused(string text)
    {
        Assert.False(VietnamesePhone.TryNormalise(text, out _));
        Assert.False(VietnamesePhone.TryNormalise(SheetCell.FromText(text), out _));
    }

    [Theory]
    [InlineData(12d)]
    [InlineData(912345678.5)]
    [InlineData(-912345678d)]
    public void TryNormalise_ANumberCellThatIsNoPhone_IsRefused(double value) =>
        Assert.False(VietnamesePhone.TryNormalise(SheetCell.FromNumber(value), out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryNormalise_Blank_IsNoPhone_NotAnError(string? text)
    {
        Assert.True(VietnamesePhone.TryNormalise(text, out var phone));
        Assert.Null(phone);
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0204 3854 123", "02043854123")]
    [InlineData("+84 204 3854 123", "02043854123")]
    [InlineData("1800 1234", "18001234")]
    [InlineData("1900.123.456", "1900123456")]
    public void Hotline_AcceptsMobilesLandlinesAndServiceNumbers(string text, string stored) =>
        Assert.Equal(stored, VietnamesePhone.Hotline(text));

    [Theory]
    [InlineData("12345")]
    [InlineData("1700 1234")]
    [InlineData("020438541234")]
    public void Hotline_OtherNumbers_AreRefused(string text) => Assert.Null(VietnamesePhone.Hotline(text));
}
