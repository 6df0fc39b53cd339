using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.FullName).HasMaxLength(150).IsRequired();
        builder.Property(p => p.FullNameSearch).HasMaxLength(150).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Zalo).HasMaxLength(50);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => new { p.CommuneId, p.FullNameSearch });
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
