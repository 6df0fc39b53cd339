using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// The register's filter chips and search as query pieces, shared by the register page and the export so that
/// an export holds exactly the households the register lists.
/// </summary>
internal static class HouseholdQueries
{
    public static IQueryable<Household> ApplyFilter(IQueryable<Household> households, HouseholdFilter filter, DateOnly today)
    {
        if (filter.NotCovered)
        {
            households = households.Where(h => h.Coverage == CoverageStatus.NotCovered);
        }

        if (filter.NoVneid)
        {
            households = households.Where(h => !h.HasVneidLevel2);
        }

        if (filter.NoPublicServiceAccount)
        {
            households = households.Where(h => !h.HasPublicServiceAccount);
        }

        if (filter.NeedsAssistanceUnassigned)
        {
            households = households.Where(h => h.NeedsAssistance && h.AssistantMemberId == null);
        }

        if (filter.NotVisitedForDays is { } days)
        {
            var since = today.AddDays(-Math.Max(0, days));
            households = households.Where(h => h.LastVisitedOn == null || h.LastVisitedOn <= since);
        }

        return households;
    }

    /// <summary>
    /// Applies the search: a PREFIX range on the stored key (an index seek), falling back to the start of a later
    /// word of the key only when no key starts with the text. See <see cref="HouseholdService.RegisterAsync"/>.
    /// </summary>
    public static async Task<IQueryable<Household>> ApplySearchAsync(IQueryable<Household> households, string? search,
        CancellationToken cancellationToken)
    {
        var key = VietnameseText.ToSearchKey(search);
        if (key.Length == 0)
        {
            return households;
        }

        // next(key): the smallest string greater than every string that starts with key. Incrementing the
        // last character is exact under an ordinal collation and, unlike key + "\uffff", is not ignored by
        // linguistic collations; StartsWith stays as a residual check for such collations.
        var upper = key[..^1] + (char)(key[^1] + 1);
        // string.Compare here is SQL (EF translates this overload to <, >=); the ones taking a StringComparison do not translate.
#pragma warning disable CA1309
        var byPrefix = households.Where(h => string.Compare(h.SearchKey, key) >= 0 && string.Compare(h.SearchKey, upper) < 0
            && h.SearchKey.StartsWith(key));
#pragma warning restore CA1309
        if (await byPrefix.AnyAsync(cancellationToken))
        {
            return byPrefix;
        }

        var word = " " + key;
        return households.Where(h => h.SearchKey.Contains(word));
    }
}
