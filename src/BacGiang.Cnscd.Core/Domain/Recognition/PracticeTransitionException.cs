namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A step the practice-model workflow does not allow from the model's current state; nothing changed.</summary>
public sealed class PracticeTransitionException : InvalidOperationException
{
    public PracticeTransitionException(PracticeStatus from, PracticeAction action)
        : base($"Không thể {action.ToVietnamese()} khi mô hình ở trạng thái \"{from.ToVietnamese()}\".")
    {
        From = from;
        Action = action;
    }

    public PracticeTransitionException()
    {
    }

    public PracticeTransitionException(string message)
        : base(message)
    {
    }

    public PracticeTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PracticeStatus From { get; }

    public PracticeAction Action { get; }
}
