namespace BacGiang.Cnscd.Core.Domain;

public enum ActivityKind
{
    Training = 1,  // Tập huấn (§1.3)
    Outreach = 2,  // Tuyên truyền (§1.2)
}
