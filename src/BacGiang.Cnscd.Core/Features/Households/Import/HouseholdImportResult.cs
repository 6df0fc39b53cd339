
using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Households.Import;

/// <summary>
/// The outcome of a household import: either every household was added (<see cref="Created"/>) or none was and
/// <see cref="Errors"/> says why, row by row (at most <see cref="HouseholdImport.MaxListedErrors"/> of them, then a
/// line that counts the rest).
/// </summary>
public sealed record HouseholdImportResult(int Created, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static HouseholdImportResult Ok(int created) => new(created, []);

    public static HouseholdImportResult Fail(IReadOnlyList<ImportRowError> errors) => new(0, errors);

    public static HouseholdImportResult Fail(int row, string message) => new(0, [new ImportRowError(row, message)]);
}
