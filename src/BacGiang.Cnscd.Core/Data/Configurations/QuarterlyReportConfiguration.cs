using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class QuarterlyReportConfiguration : IEntityTypeConfiguration<QuarterlyReport>
{
    public void Configure(EntityTypeBuilder<QuarterlyReport> builder)
    {
        builder.Property(r => r.Results).HasMaxLength(8000);
        builder.Property(r => r.Difficulties).HasMaxLength(8000);
        builder.Property(r => r.Proposals).HasMaxLength(8000);
        builder.Property(r => r.ReviewComment).HasMaxLength(2000);
        builder.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        builder.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.UnitId, r.Year, r.Quarter }).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Quarter, r.Status });
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Submissions).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
