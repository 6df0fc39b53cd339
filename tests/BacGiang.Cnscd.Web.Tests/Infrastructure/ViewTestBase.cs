using System.Globalization;
using Bunit;
using MudBlazor.Services;

namespace BacGiang.Cnscd.Web.Tests.Infrastructure;

/// <summary>
/// bUnit with MudBlazor services and the Vietnamese culture, and no database: for components that render only
/// the parameters they are given (a view record, a number). Tests that need the data services use
/// <see cref="ComponentTestBase"/>.
/// </summary>
public abstract class ViewTestBase : BunitContext
{
    protected ViewTestBase()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
