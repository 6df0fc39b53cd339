using BacGiang.Cnscd.Core.Time;

namespace BacGiang.Cnscd.Core.Tests.Time;

public sealed class VietnamClockTests
{
    [Theory]
    [InlineData("2026-12-01T16:59:59Z", "2026-12-01")] // 23:59:59 in Hà Nội
    [InlineData("2026-12-01T17:00:00Z", "2026-12-02")] // midnight in Hà Nội: UTC still says the 1st
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    public void Today_IsTheVietnameseCalendarDay_WhateverUtcSays(string utc, string expected)
    {
        var clock = new VietnamClock(new Fixed(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.Today);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
        Assert.Equal(clock.UtcNow + VietnamClock.Offset, DateTime.SpecifyKind(clock.Now, DateTimeKind.Utc));
    }

    [Fact]
    public void StartOfDayUtc_IsSevenHoursBeforeVietnameseMidnight_AndDateOfInvertsIt()
    {
        var start = VietnamClock.StartOfDayUtc(new DateOnly(2026, 7, 1));
        Assert.Equal(new DateTime(2026, 6, 30, 17, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateOnly(2026, 7, 1), VietnamClock.DateOf(start));
        Assert.Equal(new DateOnly(2026, 6, 30), VietnamClock.DateOf(start.AddTicks(-1)));
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
