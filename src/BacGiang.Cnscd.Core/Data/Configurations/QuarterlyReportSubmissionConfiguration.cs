using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class QuarterlyReportSubmissionConfiguration : IEntityTypeConfiguration<QuarterlyReportSubmission>
{
    public void Configure(EntityTypeBuilder<QuarterlyReportSubmission> builder)
    {
        builder.Property(s => s.Results).HasMaxLength(8000);
        builder.Property(s => s.Difficulties).HasMaxLength(8000);
        builder.Property(s => s.Proposals).HasMaxLength(8000);
        builder.Property(s => s.ReviewComment).HasMaxLength(2000);
        builder.Property(s => s.SubmittedByUserId).HasMaxLength(450);
        builder.Property(s => s.ReviewedByUserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.ReportId, s.Number }).IsUnique();
        builder.HasScopeIndexes();
    }
}
