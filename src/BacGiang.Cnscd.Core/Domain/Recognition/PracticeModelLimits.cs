namespace BacGiang.Cnscd.Core.Domain;

/// <summary>The longest text each field of a <see cref="PracticeModel"/> keeps (columns and form checks share them).</summary>
public static class PracticeModelLimits
{
    public const int Title = 300;

    public const int Description = 8000;

    public const int OtherResults = 2000;

    public const int ContactName = 120;

    public const int Comment = 2000;
}
