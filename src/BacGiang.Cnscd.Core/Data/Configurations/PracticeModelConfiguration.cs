using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class PracticeModelConfiguration : IEntityTypeConfiguration<PracticeModel>
{
    public void Configure(EntityTypeBuilder<PracticeModel> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(PracticeModelLimits.Title).IsRequired();
        builder.Property(m => m.SearchText).HasMaxLength(PracticeModelLimits.Title + 1 + PracticeModelLimits.Description).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(PracticeModelLimits.Description).IsRequired();
        builder.Property(m => m.OtherResults).HasMaxLength(PracticeModelLimits.OtherResults);
        builder.Property(m => m.ContactName).HasMaxLength(PracticeModelLimits.ContactName).IsRequired();
        builder.Property(m => m.ContactPhone).HasMaxLength(20);
        builder.Property(m => m.ReviewComment).HasMaxLength(PracticeModelLimits.Comment);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450);
        builder.Property(m => m.LastActedByUserId).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // The library lists public models by status, newest first; the work list reads a unit's own.
        builder.HasIndex(m => new { m.Status, m.Year });
        builder.HasIndex(m => m.UnitId);
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
