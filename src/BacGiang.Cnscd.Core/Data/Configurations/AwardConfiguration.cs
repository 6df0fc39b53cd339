using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class AwardRoundConfiguration : IEntityTypeConfiguration<AwardRound>
{
    public void Configure(EntityTypeBuilder<AwardRound> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.Year).IsUnique();
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}

internal sealed class AwardNominationConfiguration : IEntityTypeConfiguration<AwardNomination>
{
    public void Configure(EntityTypeBuilder<AwardNomination> builder)
    {
        builder.Property(n => n.NomineeName).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Achievements).HasMaxLength(AwardNomination.AchievementsMaxLength).IsRequired();
        builder.Property(n => n.ReviewComment).HasMaxLength(AwardNomination.CommentMaxLength);
        builder.Property(n => n.AppraisalOfficer).HasMaxLength(150);
        builder.Property(n => n.AppraisalComment).HasMaxLength(AwardNomination.CommentMaxLength);
        builder.Property(n => n.DecisionNumber).HasMaxLength(50);
        builder.Property(n => n.DecisionSigner).HasMaxLength(150);
        builder.Property(n => n.CreatedByUserId).HasMaxLength(450);
        builder.Property(n => n.LastActedByUserId).HasMaxLength(450);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.IsLocalForm);
        // The lists read a year's nominations by state; the team page reads a team's decided ones.
        builder.HasIndex(n => new { n.Year, n.Status });
        builder.HasIndex(n => n.NomineeTeamId);
        builder.HasIndex(n => n.UnitId);
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(n => n.DossierFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
