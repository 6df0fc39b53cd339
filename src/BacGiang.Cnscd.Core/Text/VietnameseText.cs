using System.Globalization;
using System.Text;

namespace BacGiang.Cnscd.Core.Text;

/// <summary>Text helpers for Vietnamese: search keys without diacritics, masking of phone numbers.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower-case, diacritic-free, single-spaced form used as a stored search key: "Nguyễn Văn Đức"
    /// and "nguyen van duc" (composed or decomposed input) both give "nguyen van duc". Đ/đ is not a
    /// combining mark in Unicode, so it is mapped explicitly.
    /// </summary>
    public static string ToSearchKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(c);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Masks a phone number for roles that do not manage the person: "0912345123" → "09xx xxx 123".</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return digits.Length < 6 ? "xxx" : $"{digits[..2]}xx xxx {digits[^3..]}";
    }
}
