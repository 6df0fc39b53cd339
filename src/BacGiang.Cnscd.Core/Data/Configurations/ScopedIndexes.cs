using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal static class ScopedIndexes
{
    /// <summary>Indexes the ancestry columns that the scope filter compares.</summary>
    public static void HasScopeIndexes<T>(this EntityTypeBuilder<T> builder)
        where T : class, IUnitScoped
    {
        builder.HasIndex(e => e.DistrictId);
        builder.HasIndex(e => e.CommuneId);
        builder.HasIndex(e => e.VillageId);
    }
}
