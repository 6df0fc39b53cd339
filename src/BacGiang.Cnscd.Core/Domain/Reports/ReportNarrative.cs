namespace BacGiang.Cnscd.Core.Domain;

/// <summary>The three parts people write (§2.9e): results, difficulties and obstacles, proposals.</summary>
public sealed record ReportNarrative(string? Results, string? Difficulties, string? Proposals)
{
    public const int MaxLength = 8000;

    public const string ResultsField = nameof(Results);
    public const string DifficultiesField = nameof(Difficulties);
    public const string ProposalsField = nameof(Proposals);

    public static string Label(string field) => field switch
    {
        ResultsField => "Kết quả thực hiện",
        DifficultiesField => "Khó khăn, vướng mắc",
        ProposalsField => "Đề xuất, kiến nghị",
        _ => field,
    };

    /// <summary>Field → Vietnamese message for each part that is missing or too long; empty when the report can be submitted.</summary>
    public IReadOnlyDictionary<string, string> ValidateForSubmission()
    {
        var errors = new Dictionary<string, string>();
        Check(ResultsField, Results);
        Check(DifficultiesField, Difficulties);
        Check(ProposalsField, Proposals);
        return errors;

        void Check(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors[field] = $"Chưa nhập \"{Label(field)}\": phần này bắt buộc trước khi gửi báo cáo.";
            }
            else if (text.Length > MaxLength)
            {
                errors[field] = $"\"{Label(field)}\" dài quá {MaxLength} ký tự.";
            }
        }
    }

    /// <summary>Field → message for drafts: only the length limit applies.</summary>
    public IReadOnlyDictionary<string, string> ValidateForDraft() =>
        ValidateForSubmission().Where(e => e.Value.Contains("dài quá", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value);

    public ReportNarrative Trimmed() => new(Results?.Trim(), Difficulties?.Trim(), Proposals?.Trim());
}
