using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class RestructuringJournalConfiguration : IEntityTypeConfiguration<RestructuringJournal>
{
    public void Configure(EntityTypeBuilder<RestructuringJournal> builder)
    {
        builder.Property(j => j.PlanSha256).HasMaxLength(64).IsRequired();
        builder.Property(j => j.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(j => j.AppliedByUserName).HasMaxLength(256);
        builder.Property(j => j.ProvinceNameBefore).HasMaxLength(200);
        builder.Property(j => j.UndoneByUserName).HasMaxLength(256);
        builder.Property(j => j.ChangesJson).IsRequired();
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.HasIndex(j => j.EffectiveOn);
    }
}
