using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Units;

/// <summary>
/// Names as they were on a given day, for documents about an earlier period (issue 12: "the issuing-body and recipient
/// names on a report are those valid on its date"). A restructuring closes districts and communes and opens new ones, so
/// their rows keep their names; only the province is renamed in place, and its earlier name is on the journal of the
/// plan that renamed it.
/// </summary>
public static class UnitNames
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The province's name on <paramref name="day"/>: the name before the first plan still applied that took effect
    /// after that day and renamed it, or <paramref name="currentName"/> when none did.
    /// </summary>
    public static async Task<string> ProvinceNameOnAsync(CnscdDbContext db, string currentName, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = await db.RestructuringJournals.AsNoTracking()
            .Where(j => j.UndoneAtUtc == null && j.ProvinceNameBefore != null && j.EffectiveOn > day)
            .OrderBy(j => j.EffectiveOn).ThenBy(j => j.Id)
            .Select(j => j.ProvinceNameBefore).FirstOrDefaultAsync(cancellationToken);
        return before ?? currentName;
    }

    /// <summary>
    /// A unit's name inside a sentence, its kind in lower case and its proper name as written: "Ủy ban nhân dân " +
    /// "huyện Lục Nam" (not "huyện lục nam", which lower-casing the whole name gives).
    /// </summary>
    public static string InSentence(string unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        var kind = KindOf(unitName);
        return kind is null ? unitName : kind.ToLower(Vi) + unitName[kind.Length..];
    }

    /// <summary>The place of a document's date line: the unit's name without its kind ("Huyện Lục Nam" → "Lục Nam").</summary>
    public static string Place(string unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        var kind = KindOf(unitName);
        return kind is null ? unitName : unitName[kind.Length..];
    }

    /// <summary>
    /// The initials of an agency for its documents' symbol, without the conjunction: "Sở Khoa học và Công nghệ" → "SKHCN",
    /// "Sở Thông tin và Truyền thông" → "STTTT".
    /// </summary>
    public static string Initials(string agencyName)
    {
        ArgumentNullException.ThrowIfNull(agencyName);
        return string.Concat(agencyName.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !string.Equals(w, "và", StringComparison.OrdinalIgnoreCase))
            .Select(w => char.ToUpper(w[0], Vi)));
    }

    private static readonly string[] Kinds = ["Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Phường ", "Xã ", "Tỉnh "];

    private static string? KindOf(string unitName) => Kinds.FirstOrDefault(k => unitName.StartsWith(k, StringComparison.Ordinal));
}
