using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.E2E.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BacGiang.Cnscd.E2E.Recognition;

/// <summary>
/// The browser portal with the portal's one clock (<see cref="VietnamClock"/>) set to 20 August of this year at the moment the
/// portal starts, and running on from there: a DX Day round is open (its deadline at the end of August) and decisions can
/// be dated in the award's year, whatever day the suite runs. Sign-in, cookies and two-factor codes keep the system time.
/// </summary>
public sealed class DxDayPortal : BrowserPortal
{
    public static readonly DateOnly Day = new(DateTime.UtcNow.Year, 8, 20);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<VietnamClock>();
            services.AddSingleton(new VietnamClock(new ShiftedTime(new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), VietnamClock.Offset))));
        });
    }

    /// <summary>The system clock moved so that it reads <paramref name="start"/> now, and runs at its own pace after.</summary>
    private sealed class ShiftedTime(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - TimeProvider.System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;
    }
}
