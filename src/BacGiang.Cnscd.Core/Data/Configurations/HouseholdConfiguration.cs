using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.HeadName).HasMaxLength(150).IsRequired();
        builder.Property(h => h.Address).HasMaxLength(300).IsRequired();
        builder.Property(h => h.SearchKey).HasMaxLength(450).IsRequired();
        builder.Property(h => h.Phone).HasMaxLength(20);
        builder.Property(h => h.Version).IsConcurrencyToken();
        // The register pages a village (or commune) ordered by name; search is a prefix range on SearchKey.
        builder.HasIndex(h => new { h.VillageId, h.SearchKey });
        builder.HasIndex(h => new { h.CommuneId, h.SearchKey });
        builder.HasIndex(h => new { h.VillageId, h.Coverage });
        builder.HasIndex(h => h.AssignedMemberId);
        builder.HasIndex(h => h.DistrictId);
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TeamMember>().WithMany().HasForeignKey(h => h.AssistantMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TeamMember>().WithMany().HasForeignKey(h => h.AssignedMemberId).OnDelete(DeleteBehavior.Restrict);
        // Owned: skill rows are reachable only through their household, so they share its scope filter.
        builder.OwnsMany(h => h.Skills, skills =>
        {
            skills.ToTable("HouseholdSkills");
            skills.WithOwner().HasForeignKey(s => s.HouseholdId);
            skills.HasKey(s => new { s.HouseholdId, s.Skill });
            skills.HasOne<TeamMember>().WithMany().HasForeignKey(s => s.GuidedByMemberId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
