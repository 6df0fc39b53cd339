using Microsoft.Extensions.Configuration;

namespace BacGiang.Cnscd.Core.Data;

/// <summary>
/// Reads and checks the database settings once, so that a wrong value fails at start-up with a
/// message that names the setting instead of deep inside the first query.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Cnscd";
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration[ProviderKey] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new DatabaseConfigurationException(
                $"Setting {ProviderKey} = '{providerText}' is not a known provider; use Sqlite, PostgreSql or SqlServer.");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseConfigurationException($"Setting {ConnectionStringKey} is empty; it is required for provider {provider}.");
        }

        var migrate = !bool.TryParse(configuration[MigrateOnStartupKey], out var m) || m;
        return new DatabaseSettings(provider, connectionString, migrate);
    }
}
