using BacGiang.Cnscd.Core.Time;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>Clocks that stand still on a chosen Vietnamese day, for tests whose figures depend on "today".</summary>
public static class TestClock
{
    /// <summary>Noon of <paramref name="day"/> in Vietnam: far from midnight, so UTC and Vietnam agree on the day.</summary>
    public static VietnamClock On(DateOnly day) =>
        new(new FixedTimeProvider(new DateTimeOffset(VietnamClock.StartOfDayUtc(day).AddHours(12), TimeSpan.Zero)));

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
