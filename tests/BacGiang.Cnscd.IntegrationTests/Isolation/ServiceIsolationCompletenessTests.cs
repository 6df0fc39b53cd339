using System.Reflection;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Units;

namespace BacGiang.Cnscd.IntegrationTests.Isolation;

/// <summary>
/// Keeps the service isolation matrix whole across its feature files: every public feature-service method has a
/// case in exactly one of them, no case names a method that is gone, and every feature has positive controls.
/// </summary>
public class ServiceIsolationCompletenessTests
{
    /// <summary>One matrix per feature file, found by reflection so that a new file is covered without editing this one.</summary>
    private static readonly List<ServiceIsolationMatrix> Features = typeof(ServiceIsolationMatrix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ServiceIsolationMatrix)))
        .GroupBy(t => t.BaseType) // the SQLite and PostgreSQL classes of one feature share its cases
        .Select(g => (ServiceIsolationMatrix)Activator.CreateInstance(g.First())!)
        .ToList();

    [Fact]
    public void EveryPublicServiceMethod_IsInTheMatrix()
    {
        var services = typeof(UnitDirectoryService).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("BacGiang.Cnscd.Core.Features", StringComparison.Ordinal) == true
                && (t.Name.EndsWith("Service", StringComparison.Ordinal) || t.Name == nameof(AuditLog) || t.Name.EndsWith("Import", StringComparison.Ordinal)
                    || t.Name.EndsWith("Export", StringComparison.Ordinal)));
        var methods = services
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && (!m.IsStatic || typeof(Task).IsAssignableFrom(m.ReturnType)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();
        Assert.NotEmpty(methods);
        var cases = Features.SelectMany(f => f.SiblingCases.Keys).ToHashSet();
        var missing = methods.Where(m => !cases.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "Add these to the isolation matrix: " + string.Join(", ", missing));
        var stale = cases.Where(c => !methods.Contains(c)).ToList();
        Assert.True(stale.Count == 0, "These isolation cases name no public service method: " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryMethod_IsInOneFeatureFileOnly()
    {
        Assert.True(Features.Count >= 7, $"only {Features.Count} feature files of the isolation matrix were found");
        var twice = Features.SelectMany(f => f.SiblingCases.Keys).GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "In more than one feature file: " + string.Join(", ", twice));
    }

    [Fact]
    public void EveryFeature_HasPositiveControls_OnItsOwnMethods()
    {
        foreach (var feature in Features)
        {
            var name = feature.GetType().BaseType!.Name;
            Assert.True(feature.OwnUnitCases.Count > 0, $"{name} has no positive control (a call that succeeds for the actor's own unit)");
            var strays = feature.OwnUnitCases.Keys.Where(k => !feature.SiblingCases.ContainsKey(k)).ToList();
            Assert.True(strays.Count == 0, $"{name}: positive controls without a sibling case: " + string.Join(", ", strays));
        }
    }
}
