using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BacGiang.Cnscd.Core;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Components;
using BacGiang.Cnscd.Web.Components.Account;
using BacGiang.Cnscd.Web.Components.Pages.Accounts;
using BacGiang.Cnscd.Web.Components.Pages.Dashboards;
using BacGiang.Cnscd.Web.Components.Pages.Reports;
using BacGiang.Cnscd.Web.Components.Pages.Teams;
using BacGiang.Cnscd.Web.Demo;
using BacGiang.Cnscd.Web.Diagnostics;
using BacGiang.Cnscd.Web.Health;
using BacGiang.Cnscd.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Serilog;

namespace BacGiang.Cnscd.Web.Hosting;

/// <summary>Builds the portal: services, then the request pipeline. Program.cs and the tests share it.</summary>
public static class PortalHost
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // preserveStaticLogger: each host writes through its own logger rather than the process-wide
        // Log.Logger (several hosts share a process in the tests; the static one is the bootstrap logger).
        builder.Host.UseSerilog((context, services, logger) => PortalLogging.Configure(logger, context.Configuration, services),
            preserveStaticLogger: true);
        AddServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = ResolveSqlitePath(DatabaseSettings.From(builder.Configuration), builder.Environment.ContentRootPath);
        services.AddCnscdDatabase(settings);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CnscdDbContext>>().CreateDbContext());

        services.AddScoped<CurrentUser>();
        services.AddScoped<IActorAccessor>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, UserCircuitHandler>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // MudBlazor's built-in words (row checkboxes, pager buttons, close buttons) in Vietnamese for screen readers.
        services.AddTransient<MudBlazor.MudLocalizer, Components.VietnameseMudLocalizer>();
        // Leave Vietnamese letters alone in rendered HTML ("Xã", not "X&#xE3;").
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.Configure<RevalidationOptions>(builder.Configuration.GetSection("Security:Revalidation"));
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization(Policies.Configure);
        services.AddIdentityCore<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CnscdDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddHttpContextAccessor();
        services.AddAccountSecurity(builder.Configuration);

        services.AddCnscdCore(builder.Configuration);
        services.AddScoped<DemoSeeder>();
        services.AddHostedService<DatabaseStartupService>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        if (Diagnostics.LoadRunDiagnostics.IsEnabled(builder.Configuration))
        {
            services.AddLoadRunDiagnostics();
        }
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        app.UseSecurityHeaders();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Culture),
            SupportedCultures = [Culture],
            SupportedUICultures = [Culture],
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAccountSecurity();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        // The pages' @Assets and import map must read the same (completed) manifest the assets are served from.
        var staticAssets = CompressedFingerprintedAssets.ManifestFor(app.Environment);
        app.MapStaticAssets(staticAssets);
        app.MapRazorComponents<App>().WithStaticAssets(staticAssets).AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapAccountImportEndpoints();
        app.MapDashboardEndpoints();
        if (Diagnostics.LoadRunDiagnostics.IsEnabled(app.Configuration))
        {
            app.MapLoadRunDiagnostics();
        }
        app.MapReportEndpoints();
        BacGiang.Cnscd.Web.Components.Pages.Recognition.AwardEndpoints.MapAwardEndpoints(app);
        app.MapTeamFileEndpoints();
        BacGiang.Cnscd.Web.Components.Pages.Recognition.AwardFileEndpoints.MapAwardFileEndpoints(app);
        app.MapTeamRosterEndpoints();
        BacGiang.Cnscd.Web.Components.Pages.Households.HouseholdExcelEndpoints.MapHouseholdExcelEndpoints(app);
    }

    /// <summary>A relative SQLite file is placed under the content root, wherever the process was started from.</summary>
    private static DatabaseSettings ResolveSqlitePath(DatabaseSettings settings, string contentRoot)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return settings;
        }

        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return settings with { ConnectionString = builder.ToString() };
    }
}
