using Serilog;
using Serilog.Events;

namespace BacGiang.Cnscd.Web.Hosting;

/// <summary>
/// Serilog to the console and a daily rolling file. Message templates only; no names or phone
/// numbers are ever logged (request logging records the path, never the query string or body).
/// </summary>
public static class PortalLogging
{
    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider? services = null)
    {
        logger
            .ReadFrom.Configuration(configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(configuration["Logging:Directory"] ?? "logs", "cnscd-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (services is not null)
        {
            logger.ReadFrom.Services(services);
        }
    }

    /// <summary>The logger used before the host exists (start-up errors, command-line verbs).</summary>
    public static Serilog.ILogger Bootstrap() => new LoggerConfiguration()
        .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .CreateLogger();
}
