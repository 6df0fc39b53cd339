using System.Text.Json;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BacGiang.Cnscd.Core.Data.Interceptors;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every create, update and delete of domain data (who, when,
/// which unit, which entity, before and after), in the same transaction as the change. Services do
/// not audit data changes by hand. Phone numbers are masked in the stored values; free text
/// (<see cref="FreeTextAttribute"/>) is recorded by its length only; file contents and Identity secrets are never copied.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    // Identity bookkeeping that changes on every sign-in; auditing it would bury the real events.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(AppUser.AccessFailedCount), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(Attachment.Content),
        nameof(Household.SearchKey), nameof(Person.FullNameSearch), nameof(PracticeModel.SearchText), nameof(IVersioned.Version),
        // Ancestry columns are derived from UnitId by the scope interceptor; UnitId itself is audited.
        nameof(IUnitScoped.DistrictId), nameof(IUnitScoped.CommuneId), nameof(IUnitScoped.VillageId),
    ];

    private static readonly HashSet<string> SecretProperties = [nameof(AppUser.PasswordHash)];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.PropertyInfo, bool> FreeTextProperties = new();

    // CnscdDbContext routes synchronous saves through the async path, so these never run; they throw
    // rather than silently skip the audit if that ever changes.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new NotSupportedException("CnscdDbContext saves asynchronously only.");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        throw new NotSupportedException("CnscdDbContext saves asynchronously only.");

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CnscdDbContext { PendingAudit: { } pending } context)
        {
            return result;
        }

        context.PendingAudit = null;
        foreach (var (entry, audit) in pending.AwaitingKeys)
        {
            audit.EntityId = KeyOf(entry);
            audit.Changes = Serialize(null, Values(entry, original: false));
            pending.Ready.Add(audit);
        }

        context.AuditEntries.AddRange(pending.Ready);
        await context.SaveChangesAsync(cancellationToken);
        if (pending.OwnTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CnscdDbContext { PendingAudit: { } pending } context)
        {
            context.PendingAudit = null;
            if (pending.OwnTransaction is { } transaction)
            {
                await transaction.RollbackAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
    }

    private static PendingAudit? Collect(DbContext? db)
    {
        if (db is not CnscdDbContext context || context.PendingAudit is not null)
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        var actor = context.Actor;
        var pending = new PendingAudit();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.Metadata.IsOwned() ||
                entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) ||
                !IsAudited(entry.Entity) ||
                (entry.State == EntityState.Added && context.InsertsAuditedInSummary.Contains(entry.Metadata.ClrType)))
            {
                continue;
            }

            var audit = new AuditEntry
            {
                AtUtc = context.Clock.UtcNow,
                UserId = actor.UserId,
                UserName = actor.UserName,
                ClientAddress = actor.ClientAddress,
                UnitId = UnitOf(entry.Entity),
                EntityType = entry.Metadata.ClrType.Name,
            };
            switch (entry.State)
            {
                case EntityState.Added:
                    audit.Action = AuditActions.Create;
                    pending.AwaitingKeys.Add((entry, audit));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !IgnoredProperties.Contains(p.Metadata.Name))
                        .Select(p => (Name: p.Metadata.Name, Property: p)).ToList();
                    changed.AddRange(OwnedChanges(entry));
                    if (changed.Count == 0 && !entry.References.Any(r => r.TargetEntry?.State is EntityState.Added or EntityState.Deleted))
                    {
                        continue;
                    }

                    audit.Action = AuditActions.Update;
                    audit.EntityId = KeyOf(entry);
                    audit.Changes = Serialize(
                        changed.ToDictionary(c => c.Name, c => Display(c.Property.Metadata, c.Property.OriginalValue)),
                        changed.ToDictionary(c => c.Name, c => Display(c.Property.Metadata, c.Property.CurrentValue)));
                    pending.Ready.Add(audit);
                    break;
                case EntityState.Deleted:
                    audit.Action = AuditActions.Delete;
                    audit.EntityId = KeyOf(entry);
                    audit.Changes = Serialize(Values(entry, original: true), null);
                    pending.Ready.Add(audit);
                    break;
            }
        }

        if (pending.Ready.Count == 0 && pending.AwaitingKeys.Count == 0)
        {
            return null;
        }

        context.PendingAudit = pending;
        return pending;
    }

    // Changes inside an owned collection (a household's skills) are reported on the owner, each named by its
    // collection and key ("Skills[OnlinePayment].GuidedOn"): one visit can add several skills at once.
    private static IEnumerable<(string Name, PropertyEntry Property)> OwnedChanges(EntityEntry owner) =>
        owner.Collections
            .Where(c => c.Metadata.TargetEntityType.IsOwned() && c.CurrentValue is not null)
            .SelectMany(c => c.CurrentValue!.Cast<object>().Select(item => (Collection: c.Metadata.Name, Entry: owner.Context.Entry(item))))
            .Where(x => x.Entry.State is EntityState.Added or EntityState.Modified)
            .SelectMany(x => x.Entry.Properties
                .Where(p => (x.Entry.State == EntityState.Added || p.IsModified) && !p.Metadata.IsKey() && !p.Metadata.IsForeignKey())
                .Select(p => (Name: $"{x.Collection}[{OwnedKey(x.Entry)}].{p.Metadata.Name}", Property: p)));

    private static string OwnedKey(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Where(p => !p.IsForeignKey())
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static bool IsAudited(object entity) =>
        entity is IUnitScoped or AppUser;

    private static int? UnitOf(object entity) => entity switch
    {
        AppUser user => user.UnitId,
        AdministrativeUnit unit => unit.ParentId ?? (unit.Id == 0 ? null : unit.Id),
        IUnitScoped scoped => scoped.UnitId,
        _ => null,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static Dictionary<string, object?> Values(EntityEntry entry, bool original) =>
        entry.Properties
            .Where(p => !IgnoredProperties.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p => Display(p.Metadata, original ? p.OriginalValue : p.CurrentValue));

    private static object? Display(IReadOnlyProperty metadata, object? value)
    {
        var property = metadata.Name;
        if (IsFreeText(metadata))
        {
            return value is string text ? FreeTextPlaceholder(text) : value;
        }

        if (SecretProperties.Contains(property))
        {
            return value is null ? null : "(đã thay đổi)";
        }

        if (property.Contains("Phone", StringComparison.Ordinal) || property == nameof(Person.Zalo))
        {
            return value is string s ? VietnameseText.MaskPhone(s) : value;
        }

        return value;
    }

    /// <summary>What the audit stores instead of a <see cref="FreeTextAttribute"/> value: that there was text, and its length.</summary>
    public static string FreeTextPlaceholder(string text) =>
        text.Length == 0 ? "" : $"(văn bản tự do, {text.Length} ký tự)";

    public static bool IsFreeText(IReadOnlyProperty metadata) =>
        metadata.PropertyInfo is { } info && FreeTextProperties.GetOrAdd(info, i => i.IsDefined(typeof(FreeTextAttribute), inherit: true));

    private static string Serialize(Dictionary<string, object?>? before, Dictionary<string, object?>? after) =>
        JsonSerializer.Serialize(new { before, after }, AuditJson.Options);
}
