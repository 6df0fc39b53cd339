using BacGiang.Cnscd.Core.Data;
using System.IO.Compression;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static BacGiang.Cnscd.IntegrationTests.Households.HouseholdSheets;

namespace BacGiang.Cnscd.IntegrationTests.Common.Import;

/// <summary>
/// Hostile uploads through a real import on both engines (issue 15): a Vietnamese message or a safe stored value,
/// nothing written on refusal, and the memory back where it was. The full corpus is in the Core tests of the reader.
/// </summary>
public abstract class HostileUploadImportTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private HouseholdImport Import => CoreServices.CreateOn<HouseholdImport>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(Mini.C1, "officer-c1")));

    [Fact]
    public async Task HouseholdImport_TheEmbeddedObjectMarkerAndInvisibleCharacters_AreStoredAsThePlainText()
    {
        var file = Workbook([Row("07444-01", "Nguyễn\u200B Văn\u202E Hiểm\uFEFF", address: "@@@fileid@@@,xl/media/image1.png")]);

        var result = await Import.ImportAsync(file);

        Assert.True(result.Succeeded, Messages(result));
        await using var db = Database.CreateSystemContext();
        var stored = await db.Households.SingleAsync(h => h.HeadName == "Nguyễn Văn Hiểm");
        Assert.Equal("@@@fileid@@@,xl/media/image1.png", stored.Address);
    }

    [Fact]
    public async Task HouseholdImport_ACompressionBomb_IsRefused_NothingIsWritten_AndTheMemoryReturns()
    {
        var before = await CountsAsync();
        GC.Collect();
        var memory = GC.GetTotalMemory(forceFullCollection: true);
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            for (var i = 0; i < 200; i++)
            {
                writer.Write(new string('a', 1024 * 1024));
            }
        }

        bomb.Position = 0;

        var result = await Import.ImportAsync(bomb);

        Assert.Equal([new ImportRowError(0, ExcelMessages.Unsafe)], result.Errors);
        Assert.Equal(before, await CountsAsync());
        bomb.SetLength(0);
        GC.Collect();
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memory < 50L * 1024 * 1024);
    }

    [Fact]
    public async Task HouseholdImport_ManyRowsWithHugePhoneValues_GiveACappedListOfShortMessages()
    {
        var rows = Enumerable.Range(1, 600).Select(i => Row("07444-01", $"Hộ Số Dài {i}", phone: new string('9', 3_000))).ToList();

        var result = await Import.ImportAsync(Workbook(rows));

        Assert.Equal(UploadLimits.Default.MaxListedErrors + 1, result.Errors.Count);
        Assert.Equal(HouseholdImportMessages.PhoneInvalid(new string('9', 3_000)), result.Errors[0].Message);
        Assert.All(result.Errors, e => Assert.True(e.Message.Length < 200, e.Message));
        Assert.Equal(ExcelMessages.MoreErrors(100), result.Errors[^1].Message);
    }

    private async Task<(int Households, int Imports)> CountsAsync()
    {
        await using var db = Database.CreateSystemContext();
        return (await db.Households.CountAsync(), await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Import));
    }
}

public sealed class SqliteHostileUploadImportTests() : HostileUploadImportTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlHostileUploadImportTests() : HostileUploadImportTests(DatabaseProvider.PostgreSql);
