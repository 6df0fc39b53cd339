using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Infrastructure;

/// <summary>Choosing a file for an upload the way a person does.</summary>
public static class FileChoosing
{
    /// <summary>
    /// Clicks the page's own button, which opens the browser's file chooser, and picks <paramref name="path"/>. Setting a
    /// hidden file input directly can happen before the upload component's script is ready (it starts after the page's
    /// first interactive render), and the file is then never seen; the button works only once the session is live.
    /// </summary>
    public static async Task ChooseFileAsync(this IPage page, ILocator button, string path)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => button.ClickAsync());
        await chooser.SetFilesAsync(path);
    }
}
