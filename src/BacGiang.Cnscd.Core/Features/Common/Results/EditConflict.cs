namespace BacGiang.Cnscd.Core.Features.Common.Results;

/// <summary>
/// Who saved first, and when, so the form can say so instead of overwriting: "Đã được … cập nhật lúc …".
/// <see cref="CurrentVersion"/> is the version now stored (what a reload reads); null when the save lost a race at the
/// database and the command did not read the row again (the form reloads it anyway).
/// </summary>
public sealed record EditConflict(string Message, int? CurrentVersion, string? ByUserName = null, DateTime? AtUtc = null);
