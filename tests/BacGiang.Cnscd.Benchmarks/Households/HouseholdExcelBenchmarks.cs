using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BenchmarkDotNet.Attributes;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BacGiang.Cnscd.Benchmarks.Households;

/// <summary>
/// Excel at province scale: importing 10,000 households into the largest commune (target ≤ 10 s; the rows are
/// removed again after each iteration) and exporting the district closest to 60,000 households (target ≤ 5 s).
/// One invocation per iteration (Monitoring): each is seconds long.
/// </summary>
[Config(typeof(InProcessScaleConfig.Seconds))]
[MemoryDiagnoser]
public class HouseholdExcelBenchmarks
{
    public const string Marker = "Hộ Đo Lường";

    private ScaleDatabase _database = null!;
    private HouseholdImport _import = null!;
    private HouseholdExport _export = null!;
    private HouseholdExportRequest _district = null!;
    private string[] _villageCodes = [];
    private byte[] _file = [];
    private int _iteration;

    [Params("Sqlite", "PostgreSql")]
    public string Engine { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _database = ScaleDatabase.For(Engine);
        var commune = _database.UnitWithAboutAsync(UnitLevel.Commune, int.MaxValue).GetAwaiter().GetResult();
        var district = _database.UnitWithAboutAsync(UnitLevel.District, 60_000).GetAwaiter().GetResult();
        using (var db = _database.CreateSystemContext())
        {
            _villageCodes = db.Units.Where(u => u.ParentId == commune.Id && u.Level == UnitLevel.Village).Select(u => u.Code).ToArray();
        }

        var communeDb = ScaleDatabase.For(Engine).As(commune);
        _import = new HouseholdImport(communeDb, new AccessRefusals(communeDb, NullLogger<AccessRefusals>.Instance), VietnamClock.System, NullLogger<HouseholdImport>.Instance);
        var districtDb = ScaleDatabase.For(Engine).As(district);
        _export = new HouseholdExport(districtDb, new AccessRefusals(districtDb, NullLogger<AccessRefusals>.Instance), VietnamClock.System);
        _district = _export.PrepareAsync(district.Id, HouseholdFilter.None, null).GetAwaiter().GetResult();
        RemoveImported();
    }

    [IterationSetup(Target = nameof(Import10000))]
    public void WriteImportFile()
    {
        _iteration++;
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Hộ gia đình");
        string[] header = ["Mã thôn", "Họ và tên chủ hộ", "Địa chỉ", "Ngày sinh chủ hộ", "Số điện thoại", "Số nhân khẩu", "VNeID mức 2",
            "Tài khoản DVC trực tuyến", "Cần người hỗ trợ"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        for (var i = 0; i < 10_000; i++)
        {
            var r = i + 2;
            sheet.Cell(r, 1).SetValue(_villageCodes[i % _villageCodes.Length]);
            sheet.Cell(r, 2).SetValue($"{Marker} {_iteration} {i}");
            sheet.Cell(r, 3).SetValue($"Xóm {i % 12}");
            sheet.Cell(r, 4).SetValue("05/09/1968");
            sheet.Cell(r, 5).SetValue("0912345678");
            sheet.Cell(r, 6).SetValue(4);
            sheet.Cell(r, 7).SetValue(i % 2 == 0 ? "Có" : "Không");
            sheet.Cell(r, 8).SetValue("Không");
            sheet.Cell(r, 9).SetValue("Không");
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        _file = stream.ToArray();
    }

    [IterationCleanup(Target = nameof(Import10000))]
    public void RemoveImported()
    {
        using var db = _database.CreateSystemContext();
        db.Households.IgnoreQueryFilters().Where(h => h.HeadName.StartsWith(Marker)).ExecuteDelete();
    }

    [Benchmark]
    public async Task<int> Import10000()
    {
        var result = await _import.ImportAsync(new MemoryStream(_file));
        return result.Succeeded ? result.Created : throw new InvalidOperationException(result.Errors[0].Message);
    }

    [Benchmark]
    public async Task<long> ExportDistrict()
    {
        var counter = new CountingStream();
        await _export.WriteAsync(_district, counter);
        return counter.Length;
    }

    /// <summary>Counts what the export writes, and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
