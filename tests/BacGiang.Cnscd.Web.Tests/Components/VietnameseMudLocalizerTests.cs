using System.Collections;
using System.Globalization;
using System.Resources;
using BacGiang.Cnscd.Web.Components;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Components;

/// <summary>MudBlazor's built-in words in Vietnamese: every key is one of MudBlazor's, and a real table says them.</summary>
public class VietnameseMudLocalizerTests : ViewTestBase, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's key interceptor (a table's) can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>MudBlazor's own English words, by key, read from its embedded resource.</summary>
    private static Dictionary<string, string> MudBlazorWords()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudTable<>).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void EveryWord_TranslatesOneOfMudBlazorsKeys_KeepingItsPlaceholders()
    {
        var english = MudBlazorWords();
        Assert.True(english.Count > 100, $"only {english.Count} MudBlazor words were read");
        foreach (var (key, word) in VietnameseMudLocalizer.Words)
        {
            Assert.True(english.ContainsKey(key), $"{key} is not a MudBlazor key");
            Assert.True(english[key].Contains("{0}", StringComparison.Ordinal) == word.Contains("{0}", StringComparison.Ordinal),
                $"{key}: \"{english[key]}\" and \"{word}\" differ in their placeholder");
        }

        // The words the portal's pages show (tables with row checkboxes, pagers, clearable fields, dialogs, date pickers).
        string[] used = ["MudTable_SelectRow", "MudTable_SelectAllRows", "MudTablePager_NextPage", "MudTablePager_PreviousPage", "MudPagination_NextPage",
            "MudInput_Clear", "MudDialog_Close", "MudSnackbar_Close", "MudBaseDatePicker_Open", "MudInput_Increment", "MudInput_Decrement"];
        Assert.DoesNotContain(used, k => !VietnameseMudLocalizer.Words.ContainsKey(k));
    }

    [Fact]
    public void ATableWithRowCheckboxes_NamesThemInVietnamese()
    {
        Services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
        var table = Render<MudTable<string>>(p => p
            .Add(t => t.Items, ["Hộ Nguyễn Văn Đức", "Hộ Trần Thị Hằng"])
            .Add(t => t.MultiSelection, true)
            .Add(t => t.HeaderContent, (RenderFragment)(builder => builder.AddMarkupContent(0, "<th>Chủ hộ</th>")))
            .Add(t => t.RowTemplate, (RenderFragment<string>)(item => builder => builder.AddMarkupContent(0, $"<td>{item}</td>"))));

        // Each checkbox is named by the visually hidden text its aria-labelledby points at.
        var names = table.FindAll("input[type=checkbox]").Select(c => table.Find("#" + c.GetAttribute("aria-labelledby")).TextContent).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains("Chọn tất cả các dòng", names);
        Assert.Equal(2, names.Count(n => n == "Chọn dòng"));
        Assert.DoesNotContain(names, n => n?.StartsWith("Select", StringComparison.Ordinal) == true);
    }
}
