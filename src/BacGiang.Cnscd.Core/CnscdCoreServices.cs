using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BacGiang.Cnscd.Core;

/// <summary>
/// The one registration of Core's feature services, their options and the clock. The portal's host and the test
/// hosts both call it, so a new service is registered once and every test sees it. The database (and its
/// <see cref="Microsoft.EntityFrameworkCore.IDbContextFactory{TContext}"/>) and the actor are registered by the caller.
/// </summary>
public static class CnscdCoreServices
{
    /// <summary>Registers Core's services; <paramref name="configuration"/> supplies the options sections (defaults when null).</summary>
    public static IServiceCollection AddCnscdCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        // A test registers its own TimeProvider first; the portal gets the system clock.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new VietnamClock(sp.GetRequiredService<TimeProvider>()));

        Bind<TeamOptions>(services, configuration, TeamOptions.Section);
        Bind<AttachmentOptions>(services, configuration, AttachmentOptions.Section);
        Bind<ReportOptions>(services, configuration, ReportOptions.Section);

        services.AddScoped<AccessRefusals>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<UnitDirectoryService>();
        services.AddScoped<TeamService>();
        services.AddScoped<TeamRosterService>();
        services.AddScoped<TeamMergeService>();
        services.AddScoped<TeamGovernanceService>();
        services.AddScoped<TeamActivityService>();
        services.AddScoped<PracticeModelService>();
        services.AddScoped<AwardNominationService>();
        services.AddScoped<AwardQueryService>();
        services.AddScoped<AwardDocumentService>();
        services.AddScoped<PracticeLibraryService>();
        services.AddScoped<TeamExcelService>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<HouseholdVisitService>();
        services.AddScoped<HouseholdAssistanceService>();
        services.AddScoped<HouseholdImport>();
        services.AddScoped<HouseholdExport>();
        services.AddScoped<DashboardService>();
        services.AddScoped<DashboardHistoryService>();
        services.AddScoped<ReportQueryService>();
        services.AddScoped<ReportWorkflowService>();
        services.AddScoped<ReportExportService>();
        services.AddScoped<TargetService>();
        services.AddScoped<AccountService>();
        services.AddScoped<VillageLeaderImport>();
        services.AddScoped<RestructuringService>();
        return services;
    }

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        if (configuration is null)
        {
            services.AddOptions<TOptions>();
        }
        else
        {
            services.Configure<TOptions>(configuration.GetSection(section));
        }
    }
}
