using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Accounts.Import;

/// <summary>
/// The outcome of an import: either every account was created (<see cref="Created"/>) or none was and
/// <see cref="Errors"/> says why, row by row (at most 500, then a line counting the rest).
/// </summary>
public sealed record VillageLeaderImportResult(int Created, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static VillageLeaderImportResult Ok(int created) => new(created, []);

    public static VillageLeaderImportResult Fail(IEnumerable<ImportRowError> errors) =>
        new(0, ImportErrors.Listed(errors.OrderBy(e => e.Row).ToList()));

    public static VillageLeaderImportResult Fail(int row, string message) => new(0, [new ImportRowError(row, message)]);
}
