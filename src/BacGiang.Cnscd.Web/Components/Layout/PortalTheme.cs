using MudBlazor;

namespace BacGiang.Cnscd.Web.Components.Layout;

/// <summary>The portal's colours and type. No web fonts: the system font renders Vietnamese well and costs nothing on a cheap phone.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#1565c0",
            AppbarBackground = "#b71c1c",
            // MudBlazor's defaults under white text are 2.2:1 (warning, success) to 3.7:1 (error); WCAG AA wants 4.5:1.
            Success = "#2e7d32",
            Warning = "#b45309",
            Info = "#1565c0",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"] },
        },
    };
}
