using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Web.Demo;
using BacGiang.Cnscd.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Web.Hosting;

/// <summary>
/// Before the server accepts requests: applies migrations (unless <c>Database:MigrateOnStartup</c> is
/// false) and, outside Production with <c>Demo:Enabled</c>, seeds the demo province into an empty
/// database. A failure stops the host with one log line that names the setting to check.
/// </summary>
public sealed class DatabaseStartupService(
    IServiceProvider services, DatabaseSettings settings, IConfiguration configuration, IHostEnvironment environment,
    IHostApplicationLifetime lifetime, ILogger<DatabaseStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemActor("start-up");
        var db = scope.ServiceProvider.GetRequiredService<CnscdDbContext>();
        if (settings.MigrateOnStartup)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogCritical("Cannot open or migrate the {Provider} database set by {Setting}: {Reason}",
                    settings.Provider, DatabaseSettings.ConnectionStringKey, ex.GetBaseException().Message);
                throw new DatabaseConfigurationException(
                    $"Database unreachable or not migratable; check {DatabaseSettings.ConnectionStringKey} and {DatabaseSettings.ProviderKey}.", ex);
            }
        }

        if (DemoEnabled())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await demo.SeedIfEmptyAsync(cancellationToken);
            var logins = await demo.LoginsAsync(cancellationToken);
            if (logins.Count > 0)
            {
                lifetime.ApplicationStarted.Register(() => PrintDemoLogins(logins));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool DemoEnabled() =>
        !environment.IsProduction() && configuration.GetValue<bool>("Demo:Enabled");

    private void PrintDemoLogins(IReadOnlyList<DemoSeeder.Login> logins)
    {
        var addresses = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        var urls = addresses is { Count: > 0 } ? string.Join(", ", addresses) : "(xem dòng 'Now listening on')";
        logger.LogInformation("Cổng Tổ CNSCĐ đang chạy tại {Urls}", urls);
        foreach (var login in logins)
        {
            logger.LogInformation("Tài khoản demo {Login}", DemoSeeder.Describe(login));
        }

        logger.LogInformation("ProvinceAdmin đăng nhập hai lớp: thêm khóa {Key} vào ứng dụng xác thực (hoặc chạy: oathtool --totp -b {Key})",
            DemoAccounts.AdminAuthenticatorKey, DemoAccounts.AdminAuthenticatorKey);
    }
}
