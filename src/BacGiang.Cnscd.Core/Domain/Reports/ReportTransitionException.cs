namespace BacGiang.Cnscd.Core.Domain;

/// <summary>An action the workflow does not allow from the report's current state; nothing changed.</summary>
public sealed class ReportTransitionException : InvalidOperationException
{
    public ReportTransitionException(ReportStatus from, ReportAction action)
        : base($"Không thể {action.ToVietnamese()} khi báo cáo ở trạng thái \"{from.ToVietnamese()}\".")
    {
        From = from;
        Action = action;
    }

    public ReportTransitionException()
    {
    }

    public ReportTransitionException(string message)
        : base(message)
    {
    }

    public ReportTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReportStatus From { get; }

    public ReportAction Action { get; }
}
