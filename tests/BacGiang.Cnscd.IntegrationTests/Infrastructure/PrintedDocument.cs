using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>
/// A document as a clerk's printer would have it: rendered to PDF by LibreOffice headless (Debian's libreoffice-writer and
/// libreoffice-calc, installed by tests/run-all.sh) and read back with poppler's pdftotext, pdfinfo and pdffonts. Each
/// conversion has its own LibreOffice profile, so test classes running in parallel do not share a lock.
/// </summary>
public sealed partial record PrintedDocument(IReadOnlyList<string> Pages, IReadOnlyList<(double Width, double Height)> PageSizes,
    IReadOnlyList<string> Fonts)
{
    /// <summary>
    /// The text of each requested vertical strip (<see cref="PrintAsync"/>'s <c>strips</c>), page by page: a table column's
    /// cells in reading order. The whole page's layout text sets a wrapped cell's lines beside its neighbours', so a name or a
    /// long text that wraps in its cell is only whole in its column's strip.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Strips { get; init; } = [];

    /// <summary>
    /// Renders every file (.docx, .xlsx) to PDF in one LibreOffice run, and reads each PDF back, in order; with
    /// <paramref name="strips"/> (left edge and width in points), also the text of each strip of every page.
    /// </summary>
    public static async Task<IReadOnlyList<PrintedDocument>> PrintAsync(IReadOnlyList<(string Name, byte[] Content)> files,
        IReadOnlyList<(double Left, double Width)>? strips = null)
    {
        var directory = Directory.CreateTempSubdirectory("cnscd-print-");
        try
        {
            var paths = new List<string>();
            foreach (var (name, content) in files)
            {
                var path = Path.Combine(directory.FullName, name);
                await File.WriteAllBytesAsync(path, content);
                paths.Add(path);
            }

            var profile = new Uri(Path.Combine(directory.FullName, "profile")).AbsoluteUri;
            await RunAsync(Soffice(), ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf",
                "--outdir", directory.FullName, .. paths], TimeSpan.FromMinutes(3));
            var printed = new List<PrintedDocument>();
            foreach (var path in paths)
            {
                var pdf = Path.ChangeExtension(path, ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice did not render {Path.GetFileName(path)}");
                printed.Add(await ReadAsync(pdf, strips ?? []));
            }

            return printed;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The whole text, pages joined, without any whitespace: for "every character is there" checks across line and page breaks.</summary>
    public string TextWithoutWhitespace(Func<string, string>? perPage = null) =>
        Whitespace().Replace(string.Concat(Pages.Select(p => perPage is null ? p : perPage(p))), "");

    private static async Task<PrintedDocument> ReadAsync(string pdf, IReadOnlyList<(double Left, double Width)> strips)
    {
        var text = await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && pages[^1].Trim().Length == 0)
        {
            pages.RemoveAt(pages.Count - 1); // pdftotext ends the last page with a form feed too
        }

        var info = await RunAsync("pdfinfo", ["-f", "1", "-l", "9999", pdf], TimeSpan.FromMinutes(1));
        var sizes = PageSize().Matches(info)
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var fonts = (await RunAsync("pdffonts", [pdf], TimeSpan.FromMinutes(1)))
            .Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l => l.Split(' ', 2)[0]).ToList();
        var stripPages = new List<IReadOnlyList<string>>();
        foreach (var (left, width) in strips)
        {
            // pdftotext's crop is in pixels at its 72 dpi default, i.e. points; characters outside the strip are dropped.
            var cropped = await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", "-x", Points(left), "-y", "0", "-W", Points(width), "-H", "10000", pdf, "-"],
                TimeSpan.FromMinutes(1));
            stripPages.Add(cropped.Split('\f').Take(pages.Count).ToList());
        }

        return new PrintedDocument(pages, sizes, fonts) { Strips = stripPages };
    }

    private static string Points(double value) => ((int)Math.Round(value)).ToString(CultureInfo.InvariantCulture);

    private static string Soffice()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("CNSCD_TEST_SOFFICE"), "/usr/bin/soffice", "/usr/bin/libreoffice" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "LibreOffice is not installed: tests/run-all.sh installs libreoffice-writer, libreoffice-calc and poppler-utils (or set CNSCD_TEST_SOFFICE).");
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran past {timeout.TotalSeconds:0} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    [GeneratedRegex(@"Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
