using System.Diagnostics;
using System.Text;
using BacGiang.Cnscd.Core.Features.Common.Import;
using static BacGiang.Cnscd.Core.Tests.Common.Import.RawXlsx;

namespace BacGiang.Cnscd.Core.Tests.Common.Import;

/// <summary>
/// The hostile-file corpus of issue 15, each file written in the test: every one ends in a Vietnamese message or a
/// safe value, within seconds, without an exception escaping the reader.
/// </summary>
public sealed class BoundedUploadReaderTests
{
    private const string TooManyRows = "quá nhiều dòng";

    private static readonly string Header = Row(1, "Họ và tên", "Địa chỉ");

    private static ImportSheet Read(Stream file, int maxRows = 20_000, UploadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var sheet = ImportSheetReader.Read(file, new ImportSheetSpec(SheetName, ["Họ và tên", "Địa chỉ"], ["Họ và tên"], maxRows, TooManyRows),
            cancellationToken, limits: limits);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"read took {watch.Elapsed}");
        return sheet;
    }

    private static string OnlyError(ImportSheet sheet)
    {
        Assert.Empty(sheet.Rows);
        return Assert.Single(sheet.Errors).Message;
    }

    [Fact]
    public void Read_ADeepFormulaChainWithoutCachedValues_IsReadAsBlankCells_NeverEvaluated()
    {
        // A2 = A3, A3 = A4, … 200,000 deep: the stack overflow of issue 15 when a library evaluates it.
        var chain = new StringBuilder(Header);
        for (var r = 2; r <= 200_001; r++)
        {
            chain.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\"><f>A{r + 1}</f></c></row>");
        }

        // Only the formulas are under test: the row cap and the ratio check, which would refuse this file first, are lifted.
        var sheet = Read(Build(chain.ToString()), maxRows: 250_000, limits: UploadLimits.Default with { MaxCompressionRatio = int.MaxValue });

        Assert.Empty(sheet.Errors);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void Read_AFormulaWithACachedValue_GivesTheCachedValue()
    {
        var sheet = Read(Build(Header + "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>B2&amp;\"x\"</f><v>Nguyễn Văn An</v></c><c r=\"B2\"><f>1/0</f><v>42</v></c></row>"));

        var row = Assert.Single(sheet.Rows);
        Assert.Equal(("Nguyễn Văn An", "42"), (sheet.Columns.Text(row, "Họ và tên"), sheet.Columns.Text(row, "Địa chỉ")));
    }

    [Fact]
    public void Read_OneCellLongerThanAnyField_IsRefusedOnItsRow_WithoutEchoingIt()
    {
        var sheet = Read(Build(Header + Row(2, new string('9', 300_000))));

        Assert.Equal(new ImportRowError(2, "Ô A2 dài quá 4.000 ký tự."), Assert.Single(sheet.Errors));
    }

    [Fact]
    public void Read_AHugeSharedString_IsRefusedWhenACellUsesIt()
    {
        var sheet = Read(Build(Header + "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>", sharedStrings: [new string('x', 10_000)]));

        Assert.Equal(new ImportRowError(2, "Ô B2 dài quá 4.000 ký tự."), Assert.Single(sheet.Errors));
    }

    [Fact]
    public void Read_ACompressionBomb_IsRefusedBeforeItIsInflated()
    {
        // 2 MB of one letter zips to a few KB: a ratio no real sheet has (the 300 MB cell of issue 15 is this, larger).
        var sheet = Read(Build(Header + Row(2, new string('a', 2 * 1024 * 1024))));

        Assert.Equal(ExcelMessages.Unsafe, OnlyError(sheet));
    }

    [Fact]
    public void Read_AnEntryLargerThanTheLimit_IsRefusedFromTheZipDirectory()
    {
        var limits = UploadLimits.Default with { MaxEntryBytes = 1024 * 1024, MaxCompressionRatio = int.MaxValue };
        var file = Build(Header, extra: zip => Add(zip, "xl/media/big.bin", new string('z', (1024 * 1024) + 1)));

        Assert.Equal(ExcelMessages.Unsafe, OnlyError(Read(file, limits: limits)));
    }

    [Fact]
    public void Read_AZipOfManyEntries_IsRefused()
    {
        var file = Build(Header, extra: zip =>
        {
            for (var i = 0; i < 300; i++)
            {
                Add(zip, $"xl/media/{i}.txt", "x");
            }
        });

        Assert.Equal(ExcelMessages.Unsafe, OnlyError(Read(file)));
    }

    [Fact]
    public void Read_ADeclaredDimensionAcrossEveryColumn_IsRefusedAtOnce()
    {
        var file = Build(Header + Row(2, "Nguyễn Văn An"), dimension: "A1:XFD3000");

        Assert.Equal(ExcelMessages.TooManyColumns(UploadLimits.Default.MaxColumns), OnlyError(Read(file)));
    }

    [Fact]
    public void Read_ADeclaredDimensionBeyondTheRowCap_IsRefusedAsTooManyRows()
    {
        var file = Build(Header + Row(2, "Nguyễn Văn An"), dimension: "A1:B3000");

        Assert.Equal(TooManyRows, OnlyError(Read(file, maxRows: 500)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_ManyBlankRows_CountTowardTheRowCap(bool numbered)
    {
        var rows = new StringBuilder(Header);
        for (var r = 2; r <= 1_000_000; r++)
        {
            rows.Append(numbered ? $"<row r=\"{r}\"/>" : "<row/>");
        }

        // The ratio check is off here: a million identical <row/> compress past it, and this test is about the row cap.
        var limits = UploadLimits.Default with { MaxCompressionRatio = int.MaxValue };

        Assert.Equal(TooManyRows, OnlyError(Read(Build(rows.ToString()), limits: limits)));
    }

    [Fact]
    public void Read_ARowFarBelowTheLastOne_CountsTheGapTowardTheRowCap()
    {
        Assert.Equal(TooManyRows, OnlyError(Read(Build(Header + Row(20_002, "Nguyễn Văn An")))));
    }

    [Fact]
    public void Read_TenMillionCellElements_AreRefusedAtTheCellCap()
    {
        var rows = new StringBuilder(Header);
        for (var r = 2; r <= 10_000; r++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\">").Insert(rows.Length, "<c/>", 60).Append("</row>");
        }

        var limits = UploadLimits.Default with { MaxCells = 100_000 };

        Assert.Equal(ExcelMessages.TooManyCells(100_000), OnlyError(Read(Build(rows.ToString()), limits: limits)));
    }

    [Fact]
    public void Read_TheEmbeddedObjectMarkerText_IsOrdinaryText()
    {
        var sheet = Read(Build(Header + Row(2, "Nguyễn Văn An", "@@@fileid@@@,xl/media/missing.bin")));

        var row = Assert.Single(sheet.Rows);
        Assert.Equal("@@@fileid@@@,xl/media/missing.bin", sheet.Columns.Text(row, "Địa chỉ"));
    }

    [Fact]
    public void Read_ControlAndInvisibleCharacters_AreRemoved_AndTextIsNfc()
    {
        // NUL and ESC cannot be XML characters: Excel writes them _x0000_ and _x001B_. U+200B, U+202E and the BOM are literal.
        var sheet = Read(Build(Header + Row(2, "\uFEFFNguyễn_x0000_ Văn_x001B_ An\u200B\u202E", "Xo\u0301m Đông")));

        var row = Assert.Single(sheet.Rows);
        Assert.Equal(("Nguyễn Văn An", "Xóm Đông"), (sheet.Columns.Text(row, "Họ và tên"), sheet.Columns.Text(row, "Địa chỉ")));
    }

    [Fact]
    public void Read_AnEscapedUnderscore_StaysText()
    {
        var sheet = Read(Build(Header + Row(2, "Nguyễn Văn An", "ngõ _x005F_x0041_")));

        Assert.Equal("ngõ _x0041_", sheet.Columns.Text(Assert.Single(sheet.Rows), "Địa chỉ"));
    }

    [Fact]
    public void Read_WhenTheCallerCancels_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Read(Build(Header), cancellationToken: cancel.Token));
    }

    [Fact]
    public void Read_PastTheTimeLimit_IsRefusedWithAMessage()
    {
        var limits = UploadLimits.Default with { ReadTimeout = TimeSpan.Zero };
        var file = Build(Header);

        Assert.Equal(ExcelMessages.TooSlow, OnlyError(Read(file, limits: limits)));
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated")]
    public void Read_SomethingThatIsNotAWorkbook_SaysSo(string content)
    {
        Assert.Equal(ExcelMessages.NotAWorkbook, OnlyError(Read(new MemoryStream(Encoding.UTF8.GetBytes(content)))));
    }

    [Fact]
    public void Read_ASharedStringIndexOutOfRange_IsNotAWorkbook()
    {
        var file = Build(Header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>", sharedStrings: ["a"]);

        Assert.Equal(ExcelMessages.NotAWorkbook, OnlyError(Read(file)));
    }

    [Fact]
    public void Read_ATemplateColumnTwice_IsOneMessageOnTheHeaderRow()
    {
        var sheet = Read(Build(Row(1, "Họ và tên", "Địa chỉ", "ho va ten")));

        Assert.Equal(new ImportRowError(1, ExcelMessages.DuplicateColumn("Họ và tên", "A", "C")), Assert.Single(sheet.Errors));
    }

    [Fact]
    public void Read_AMissingRequiredColumn_IsNamed()
    {
        Assert.Equal(new ImportRowError(1, "Thiếu cột 'Họ và tên'."), Assert.Single(Read(Build(Row(1, "Địa chỉ"))).Errors));
    }

    [Fact]
    public void Read_ANumberInADateStyle_IsADate_AndTypedCellsKeepTheirKinds()
    {
        const string styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
        var file = Build(Header + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>25086</v></c><c r=\"B2\" s=\"2\"><v>25086</v></c><c r=\"C2\"><v>912345678</v></c>"
            + "<c r=\"D2\" t=\"b\"><v>1</v></c></row>", styles: styles);

        var row = Assert.Single(Read(file).Rows);

        Assert.Equal((CellKind.Date, "05/09/1968"), (row[1].Kind, row[1].Text));
        Assert.Equal((CellKind.Date, "05/09/1968"), (row[2].Kind, row[2].Text));
        Assert.Equal((CellKind.Number, "912345678"), (row[3].Kind, row[3].Text));
        Assert.Equal(CellKind.Boolean, row[4].Kind);
    }
}
