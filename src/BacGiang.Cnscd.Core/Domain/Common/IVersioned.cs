namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// An editable aggregate with an optimistic concurrency token. The token is an integer that the
/// DbContext increments on every update, so it behaves the same on SQLite, PostgreSQL and SQL Server.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
