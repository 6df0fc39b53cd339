namespace BacGiang.Cnscd.Core.Data;

/// <summary>Value of the <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
