using System.Linq.Expressions;

namespace BacGiang.Cnscd.Core.Data;

/// <summary>
/// A value for a hand-built expression tree that EF sends as a SQL parameter, not as a literal: it is read from a field of
/// a constant object, exactly as a compiled C# closure reads a captured variable. With <c>Expression.Constant(value)</c>
/// instead, every distinct value is a distinct query to EF — compiled again (≈ 6 ms each here) and cached again, once per
/// unit of the province.
/// </summary>
public static class QueryParameter
{
    public static Expression Of<T>(T value) => Expression.Field(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed class Box<T>(T value)
    {
        public readonly T Value = value;
    }
}
