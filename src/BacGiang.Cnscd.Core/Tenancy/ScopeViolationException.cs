namespace BacGiang.Cnscd.Core.Tenancy;

/// <summary>A write outside the actor's scope was attempted; nothing was saved.</summary>
public sealed class ScopeViolationException(string message) : Exception(message)
{
    public ScopeViolationException()
        : this("Không có quyền thao tác trên dữ liệu của đơn vị này.")
    {
    }

    public ScopeViolationException(string message, Exception inner)
        : this(message + " " + inner.Message)
    {
    }
}
