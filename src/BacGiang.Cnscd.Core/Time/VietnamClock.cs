namespace BacGiang.Cnscd.Core.Time;

/// <summary>
/// The portal's one clock. Instants are stored in UTC; days, deadlines and quarters are Vietnam's calendar
/// (UTC+7, no daylight saving), whatever the server's own time zone — between 00:00 and 07:00 Vietnam time a UTC or
/// server-local "today" would be yesterday. It wraps an injected <see cref="TimeProvider"/>, so tests set the time
/// instead of passing dates around.
/// </summary>
public sealed class VietnamClock(TimeProvider timeProvider)
{
    /// <summary>Vietnam's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The real clock, for code that runs outside the container (design-time factories, command verbs' set-up).</summary>
    public static VietnamClock System { get; } = new(TimeProvider.System);

    /// <summary>The time provider underneath (for APIs that take one).</summary>
    public TimeProvider Provider => timeProvider;

    /// <summary>Now, as a UTC <see cref="DateTime"/> (what the database stores).</summary>
    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Now, as an instant.</summary>
    public DateTimeOffset InstantNow => timeProvider.GetUtcNow();

    /// <summary>Now on a Vietnamese wall clock.</summary>
    public DateTime Now => ToVietnam(UtcNow);

    /// <summary>Today's date in Vietnam.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The Vietnamese wall-clock time of a UTC instant.</summary>
    public static DateTime ToVietnam(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    /// <summary>The Vietnamese calendar day of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToVietnam(utc));

    /// <summary>The UTC instant at which a Vietnam calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
