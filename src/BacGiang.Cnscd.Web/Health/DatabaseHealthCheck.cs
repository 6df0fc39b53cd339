using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BacGiang.Cnscd.Web.Health;

/// <summary>Ready when the database answers and has no migration left to apply.</summary>
public sealed class DatabaseHealthCheck(DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = CnscdDatabase.CreateContext(settings, Actor.System("health check"));
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Còn {pending} migration chưa áp dụng.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Lỗi kết nối cơ sở dữ liệu.", ex);
        }
    }
}
