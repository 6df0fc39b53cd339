using System.Linq.Expressions;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Time;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Data;

/// <summary>
/// The one DbContext. Every <see cref="IUnitScoped"/> entity gets a global query filter on the
/// current actor's <see cref="DataScope"/>; writes are checked by <see cref="Interceptors.UnitScopeInterceptor"/>
/// and audited by <see cref="Interceptors.AuditInterceptor"/>. In Blazor Server, create one per
/// operation through <see cref="IDbContextFactory{TContext}"/>, not one per circuit.
/// </summary>
/// <param name="options">The provider's options.</param>
/// <param name="actorAccessor">Who is acting (the request's or circuit's user, or a system actor).</param>
/// <param name="clock">The portal's clock (from the container); the real one where a context is made by hand.</param>
public class CnscdDbContext(DbContextOptions<CnscdDbContext> options, IActorAccessor actorAccessor, VietnamClock? clock = null)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<TeamActivity> TeamActivities => Set<TeamActivity>();

    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<HouseholdVisit> HouseholdVisits => Set<HouseholdVisit>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<QuarterlyReport> QuarterlyReports => Set<QuarterlyReport>();

    public DbSet<QuarterlyReportSubmission> QuarterlyReportSubmissions => Set<QuarterlyReportSubmission>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<VillageSummary> VillageSummaries => Set<VillageSummary>();

    public DbSet<VillageQuarterSummary> VillageQuarterSummaries => Set<VillageQuarterSummary>();

    public DbSet<RestructuringJournal> RestructuringJournals => Set<RestructuringJournal>();

    public DbSet<PracticeModel> PracticeModels => Set<PracticeModel>();

    public DbSet<AwardRound> AwardRounds => Set<AwardRound>();

    public DbSet<AwardNomination> AwardNominations => Set<AwardNomination>();

    /// <summary>The clock the audit and the summaries stamp their rows with.</summary>
    public VietnamClock Clock { get; } = clock ?? VietnamClock.System;

    /// <summary>Who is acting in this context: read by the filters, the scope guard and the audit.</summary>
    public Actor Actor => actorAccessor.Current;

    // The filters read these members of the context, so EF passes them as parameters on every
    // query; they must stay properties of this class for that to work.
    public int? ScopeDistrictId => Actor.Scope.DistrictId;

    public int? ScopeCommuneId => Actor.Scope.CommuneId;

    public int? ScopeVillageId => Actor.Scope.VillageId;

    /// <summary>State an interceptor keeps between SavingChanges and SavedChanges of one save.</summary>
    internal Interceptors.PendingAudit? PendingAudit { get; set; }

    /// <summary>Per-village deltas the summary interceptor computed before a save and applies after it.</summary>
    internal Dictionary<int, HouseholdCounts>? PendingSummaryDeltas { get; set; }

    /// <summary>
    /// Entity types whose inserts in this context are audited by one summary row written by the caller (a bulk
    /// import of thousands of households) instead of one row per insert by the audit interceptor. Updates and
    /// deletes of these types are still audited row by row. See docs/decisions/020-household-import-and-export.md.
    /// </summary>
    internal HashSet<Type> InsertsAuditedInSummary { get; } = [];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC everywhere; SQLite and SQL Server hand back Unspecified, so say it is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CnscdDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IUnitScoped).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(BuildScopeFilter(entityType.ClrType));
        }
    }

    /// <summary>
    /// e => (ScopeDistrictId == null || e.DistrictId == ScopeDistrictId) && (… commune …) && (… village …)
    /// </summary>
    private LambdaExpression BuildScopeFilter(Type clrType)
    {
        var e = Expression.Parameter(clrType, "e");
        var context = Expression.Constant(this);
        Expression Term(string column, string scopeMember)
        {
            var scopeValue = Expression.Property(context, scopeMember);
            var rowValue = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(int?)], e, Expression.Constant(column));
            return Expression.OrElse(
                Expression.Equal(scopeValue, Expression.Constant(null, typeof(int?))),
                Expression.Equal(rowValue, scopeValue));
        }

        var body = Expression.AndAlso(
            Term(nameof(IUnitScoped.DistrictId), nameof(ScopeDistrictId)),
            Expression.AndAlso(
                Term(nameof(IUnitScoped.CommuneId), nameof(ScopeCommuneId)),
                Term(nameof(IUnitScoped.VillageId), nameof(ScopeVillageId))));
        return Expression.Lambda(body, e);
    }

    /// <summary>
    /// Saves go through <see cref="SaveChangesAsync(bool, CancellationToken)"/> only: the audit interceptor
    /// works asynchronously, and blocking on it from Blazor's dispatcher could deadlock.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: CnscdDbContext saves asynchronously only.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var newUnits = ChangeTracker.Entries<AdministrativeUnit>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (newUnits.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // A unit's ancestry includes itself, and its id exists only after insert: insert, then set
        // the self column, in one transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var unit in newUnits)
            {
                AnchorSelf(unit);
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    internal static void AnchorSelf(AdministrativeUnit unit)
    {
        switch (unit.Level)
        {
            case UnitLevel.District: unit.DistrictId = unit.Id; break;
            case UnitLevel.Commune: unit.CommuneId = unit.Id; break;
            case UnitLevel.Village: unit.VillageId = unit.Id; break;
        }
    }

    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            // The WHERE clause uses the original value (what the editor loaded); the row gets the next one.
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
