namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>Generated Vietnamese full names for callers outside the seed (the demo's officers), the same for the same number.</summary>
public static class SeedNames
{
    public static string FullName(int number)
    {
        var random = new Random(number);
        return VietnameseNames.FullName(random, random.NextDouble() < 0.6);
    }
}
