using System.Globalization;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// The one rule for a Vietnamese phone number, used by every import and every form that stores one. Stored form:
/// 0 and 9 digits ("0912345678"), the national form of every mobile number since 2018, so that one person's
/// number is always the same string (duplicate detection, same-person matching). Accepted: "0912345678",
/// "84912345678", "+84912345678", "+84 0912…", "0084…", with spaces, dots, dashes or brackets anywhere; and a
/// number cell, where Excel drops the leading 0 (912345678) or keeps 84 (84912345678).
/// </summary>
public static class VietnamesePhone
{
    /// <summary>What to type, as every phone message says it.</summary>
    public const string Rule = "nhập 10 chữ số bắt đầu bằng 0, hoặc +84 và 9 chữ số";

    /// <summary>The message for a phone that does not follow <see cref="Rule"/>.</summary>
    public const string Message = "Số điện thoại không hợp lệ: " + Rule + ".";

    /// <summary>The stored form of <paramref name="text"/>: null when blank; false when it is not a Vietnamese mobile number.</summary>
    public static bool TryNormalise(string? text, out string? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        phone = National(text, landline: false);
        return phone is not null;
    }

    /// <summary>The stored form of a sheet cell (text or number); null when blank; false when it is not a Vietnamese mobile number.</summary>
    public static bool TryNormalise(SheetCell cell, out string? phone)
    {
        if (cell.Kind != CellKind.Number)
        {
            return TryNormalise(cell.Text, out phone);
        }

        phone = null;
        if (!cell.IsWholeNumber || cell.Number <= 0)
        {
            return false;
        }

        // A General cell shows 0912345678 as 912345678: the leading 0 is put back.
        var digits = cell.Number.ToString("0", CultureInfo.InvariantCulture);
        phone = digits.Length == 9 ? "0" + digits : National(digits, landline: false);
        return phone is not null;
    }

    /// <summary>
    /// A hotline: a mobile number as <see cref="TryNormalise(string?, out string?)"/> stores it, an 11-digit landline
    /// (0204 3854 123, also written +84 204 …), or a 1800/1900 service number; separators removed. Null when not one of them.
    /// </summary>
    public static string? Hotline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = Compact(text);
        if (compact is { Length: >= 8 and <= 10 } && (compact.StartsWith("1800", StringComparison.Ordinal) || compact.StartsWith("1900", StringComparison.Ordinal))
            && compact.All(char.IsAsciiDigit))
        {
            return compact;
        }

        return National(text, landline: true);
    }

    /// <summary>0 and 9 digits (and 0 and 10 for a landline when allowed), or null.</summary>
    private static string? National(string text, bool landline)
    {
        var compact = Compact(text);
        if (compact is null || compact.Length == 0)
        {
            return null;
        }

        var international = compact[0] == '+';
        var digits = international ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        string subscriber;
        if (international)
        {
            if (!digits.StartsWith("84", StringComparison.Ordinal))
            {
                return null;
            }

            subscriber = digits[2..];
        }
        else if (digits.StartsWith("0084", StringComparison.Ordinal))
        {
            subscriber = digits[4..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11 or 12)
        {
            subscriber = digits[2..];
        }
        else if (digits[0] == '0')
        {
            return digits.Length == 10 || (landline && digits.Length == 11) ? digits : null;
        }
        else
        {
            return null;
        }

        // "+84 0912 345 678": the national 0 written after the country code.
        if (subscriber.Length is 10 or 11 && subscriber[0] == '0')
        {
            subscriber = subscriber[1..];
        }

        return subscriber.Length == 9 || (landline && subscriber.Length == 10) ? "0" + subscriber : null;
    }

    /// <summary>The text without the separators people type; null when a '+' is anywhere but first.</summary>
    private static string? Compact(string text)
    {
        var kept = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-' or '(' or ')')).ToArray());
        return kept.LastIndexOf('+') > 0 ? null : kept;
    }
}
