using ClosedXML.Excel;

namespace BacGiang.Cnscd.Core.Features.Common.Excel;

/// <summary>The look every downloadable template shares, so that all of them read alike.</summary>
public static class TemplateSheet
{
    /// <summary>Bold, tinted, frozen header row with fixed column widths (never auto-fit: see the engineering guide).</summary>
    public static void WriteHeader(IXLWorksheet sheet, string[] names, double[] widths)
    {
        for (var c = 0; c < names.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(names[c]);
            sheet.Column(c + 1).Width = widths[c];
        }

        var header = sheet.Range(1, 1, 1, names.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
        sheet.SheetView.FreezeRows(1);
    }
}
