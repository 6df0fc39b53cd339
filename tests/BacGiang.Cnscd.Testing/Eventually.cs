using System.Diagnostics;

namespace BacGiang.Cnscd.Testing;

/// <summary>
/// Waits on a condition, never for a fixed time: the value is read again until it satisfies the condition or the
/// deadline passes. A fast machine does not wait, and a busy one (the shared 2-core CI) gets the time it needs.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take before the test gives up (as long as the browser tests' waits).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The pause between two reads: it spaces out the polling, it is not a guess at how long the work takes.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads until <paramref name="holds"/> is true of the value, and returns the last value read (also at the
    /// deadline), so the caller's assertion reports what was actually there.
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(holds);
        var started = Stopwatch.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var value = await read();
            if (holds(value) || Stopwatch.GetElapsedTime(started) >= limit)
            {
                return value;
            }

            await Task.Delay(PollInterval);
        }
    }
}
