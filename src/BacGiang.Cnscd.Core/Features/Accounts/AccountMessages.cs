using Microsoft.AspNetCore.Identity;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>Identity's English error codes, said in Vietnamese for the people who read them.</summary>
internal static class AccountMessages
{
    public const string Conflict =
        "Tài khoản này vừa được người khác sửa. Hãy tải lại danh sách và thực hiện lại thay đổi.";

    public const string EmailInUse = "Thư điện tử này đã được dùng cho một tài khoản khác.";

    public const string InvalidEmail = "Thư điện tử không hợp lệ.";

    public static IEnumerable<string> Translate(IEnumerable<IdentityError> errors, PasswordOptions password) =>
        errors.Select(e => Translate(e, password)).Distinct();

    private static string Translate(IdentityError error, PasswordOptions password) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"Mật khẩu quá ngắn: cần ít nhất {password.RequiredLength} ký tự.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Mật khẩu phải có ít nhất một chữ số (0–9).",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Mật khẩu phải có ít nhất một chữ thường (a–z).",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Mật khẩu phải có ít nhất một chữ hoa (A–Z).",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ ! @ # $).",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) =>
            $"Mật khẩu phải có ít nhất {password.RequiredUniqueChars} ký tự khác nhau.",
        // With RequireUniqueEmail the user name is the e-mail, so both duplicates mean the same thing.
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            EmailInUse,
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            InvalidEmail,
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => Conflict,
        _ => "Không lưu được tài khoản (" + error.Code + ").",
    };
}
