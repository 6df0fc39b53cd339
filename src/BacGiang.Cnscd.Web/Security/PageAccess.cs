using System.Reflection;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace BacGiang.Cnscd.Web.Security;

/// <summary>
/// Who may open a page, in words a refused person can act on (issue 21): "this page is for the commune's and the district's
/// officers; your account is a village leader". Read from the page's own <c>[Authorize]</c> attribute (its roles, or the
/// policy's roles in <see cref="Policies"/>), so the explanation cannot drift from the rule.
/// </summary>
public static class PageAccess
{
    private static readonly Lazy<IReadOnlyList<(RouteTemplate Template, Type Page)>> Routes = new(() =>
        typeof(PageAccess).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (TemplateParser.Parse(r.Template), t)))
            .ToList());

    /// <summary>The roles that may open <paramref name="page"/>: its attribute's roles, or its policy's.</summary>
    public static IReadOnlyList<AppRole> RolesFor(Type page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rule = page.GetCustomAttribute<AuthorizeAttribute>(inherit: true);
        if (rule?.Roles is { Length: > 0 } roles)
        {
            return roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<AppRole>).ToList();
        }

        return rule?.Policy switch
        {
            Policies.ProvinceAdmin => [AppRole.ProvinceAdmin],
            Policies.AuditReader => [AppRole.ProvinceAdmin, AppRole.DistrictOfficer],
            Policies.AccountManager => [AppRole.ProvinceAdmin, AppRole.DistrictOfficer, AppRole.CommuneOfficer],
            Policies.Awards => [.. Policies.WorkRoles, AppRole.HomeAffairsAppraiser],
            _ => Policies.WorkRoles,
        };
    }

    /// <summary>The page a portal-relative address opens (its query ignored); null when no page has that address.</summary>
    public static Type? PageAt(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !address.StartsWith('/') || address.StartsWith("//", StringComparison.Ordinal))
        {
            return null; // only this portal's own addresses are explained
        }

        var path = address.Split('?', '#')[0];
        return Routes.Value.FirstOrDefault(r => new TemplateMatcher(r.Template, new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary())).Page;
    }

    /// <summary>Which roles a page is for, and what the reader's account is; null when the page is unknown.</summary>
    public static string? Explain(ClaimsPrincipal user, Type? page)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (page is null)
        {
            return null;
        }

        var mine = user.Role() is { } role ? $" Tài khoản của bạn là {role.ToVietnamese()}." : "";
        return $"Trang này dành cho: {string.Join(", ", RolesFor(page).Select(r => r.ToVietnamese()))}.{mine} " +
            "Nếu bạn cần dùng trang này, hãy đề nghị cấp quản lý tài khoản của bạn.";
    }
}
