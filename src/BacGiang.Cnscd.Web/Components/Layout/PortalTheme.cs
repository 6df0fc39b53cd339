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
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"] },
        },
    };
}
