using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.Property(t => t.ZaloGroupUrl).HasMaxLength(300);
        builder.Property(t => t.Hotline).HasMaxLength(20);
        builder.Property(t => t.RegulationNumber).HasMaxLength(50);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.UnitId).IsUnique();
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(t => t.RegulationFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
