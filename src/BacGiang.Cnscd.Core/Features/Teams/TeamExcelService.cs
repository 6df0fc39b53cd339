using BacGiang.Cnscd.Core.Features.Common.Results;
using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Excel;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// Team rosters in Excel (ClosedXML): the template, an all-or-nothing import into one team (every row checked
/// first, row-level Vietnamese messages), and a formatted export of the current rosters of a unit's subtree
/// (a commune: its team and all its village teams), audited as an export.
/// </summary>
public sealed class TeamExcelService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public const int MaxRows = 500;

    public const int MaxExportRows = 20_000;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string TemplateFileName = "mau-danh-sach-thanh-vien-to.xlsx";

    public const string NotAWorkbook = ExcelMessages.NotAWorkbook;

    public const string TooBigMessage = "Tệp lớn hơn 5 MB.";

    public const string EmptyMessage = "Tệp không có dòng thành viên nào.";

    private const string SheetName = "Thành viên tổ";

    private static readonly string[] Columns = ["Họ và tên", "Năm sinh", "Điện thoại", "Zalo", "Vị trí", "Chức vụ", "Thuộc", "Nhiệm vụ"];

    private static readonly string[] Required = ["Họ và tên", "Điện thoại", "Vị trí", "Thuộc"];

    // Fixed widths: AdjustToContents measures every cell through System.Drawing (slow, needs libgdiplus).
    private static readonly double[] Widths = [28, 10, 14, 14, 12, 30, 28, 40];

    private static readonly Dictionary<string, TeamPosition> Positions =
        Enum.GetValues<TeamPosition>().ToDictionary(p => VietnameseText.ToSearchKey(p.ToVietnamese()));

    private static readonly Dictionary<string, Affiliation> Affiliations =
        Enum.GetValues<Affiliation>().ToDictionary(a => VietnameseText.ToSearchKey(a.ToVietnamese()));

    private static readonly Dictionary<string, OfficialTitle> Titles =
        Enum.GetValues<OfficialTitle>().ToDictionary(t => VietnameseText.ToSearchKey(t.ToVietnamese()));

    /// <summary>The import template: the header row, and a sheet listing the accepted positions, offices and affiliations.</summary>
    public static byte[] CreateTemplate()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Columns(1, Columns.Length).Style.NumberFormat.Format = "@";
        TemplateSheet.WriteHeader(sheet, Columns, Widths);
        var lists = workbook.Worksheets.Add("Danh mục");
        TemplateSheet.WriteHeader(lists, ["Vị trí", "Chức vụ", "Thuộc"], [14, 34, 32]);
        WriteColumn(lists, 1, Enum.GetValues<TeamPosition>().OrderByDescending(p => p).Select(p => p.ToVietnamese()));
        WriteColumn(lists, 2, Enum.GetValues<OfficialTitle>().Select(t => t.ToVietnamese()));
        WriteColumn(lists, 3, Enum.GetValues<Affiliation>().Select(a => a.ToVietnamese()));
        sheet.SetTabActive();
        return Save(workbook);
    }

    /// <summary>
    /// Adds one member per filled-in row to the team from <paramref name="startDate"/>. Every row is checked first (name,
    /// phone, position, office for the team's level, affiliation, the same person twice in the file or already on the
    /// team); if any row fails nothing is saved and every problem is listed with its row number. Otherwise all rows are
    /// added in one save that carries the team's version.
    /// </summary>
    public async Task<RosterImportResult> ImportAsync(int teamId, Stream xlsx, DateOnly startDate, int expectedVersion, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, failure) = await TeamEdits.OpenTeamAsync(db, refusals, teamId, expectedVersion, cancellationToken);
        if (team is null)
        {
            return new RosterImportResult(false, 0, failure!.Errors.Select(e => new ImportRowError(0, e)).ToList(), IsConflict: failure.IsConflict);
        }

        using var content = await UploadBuffer.ReadLimitedAsync(xlsx, MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return RosterImportResult.Fail(new ImportRowError(0, TooBigMessage));
        }

        progress?.Report(10);
        var (rows, sheetErrors) = ReadSheet(content, cancellationToken);
        if (sheetErrors.Count > 0)
        {
            return new RosterImportResult(false, 0, sheetErrors);
        }

        if (rows.Count == 0)
        {
            return RosterImportResult.Fail(new ImportRowError(0, EmptyMessage));
        }

        progress?.Report(30);
        var today = clock.Today;
        var current = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == team.Id && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new { m.Person!.Phone, m.Person.FullNameSearch, m.Person.BirthYear })
            .ToListAsync(cancellationToken);
        var errors = new List<ImportRowError>();
        var accepted = new List<TeamMember>();
        var seen = new List<(int Row, Person Person)>();
        foreach (var row in rows)
        {
            var rowErrors = new List<string>();
            var (person, personErrors) = TeamEdits.NewPerson(team.UnitId, row.Name, ParseYear(row.Year, rowErrors), row.Phone, row.Zalo, clock.Today);
            rowErrors.AddRange(personErrors);
            var position = Lookup(Positions, row.Position, "Vị trí", rowErrors, TeamPosition.Member);
            var title = row.Title.Length == 0 ? OfficialTitle.None : Lookup(Titles, row.Title, "Chức vụ", rowErrors, OfficialTitle.None);
            var affiliation = Lookup(Affiliations, row.Affiliation, "Thuộc", rowErrors, Affiliation.Citizen);
            if (!TeamRosterService.TitleFitsLevel(team.Level, title))
            {
                rowErrors.Add(TeamRosterService.TitleMessage);
            }

            if (personErrors.Count == 0)
            {
                var twin = seen.FirstOrDefault(s => Same(s.Person.Phone, s.Person.FullNameSearch, s.Person.BirthYear, person));
                if (twin.Person is not null)
                {
                    rowErrors.Add($"Trùng với dòng {twin.Row} (cùng người).");
                }
                else if (current.Any(c => Same(c.Phone, c.FullNameSearch, c.BirthYear, person)))
                {
                    rowErrors.Add(TeamRosterService.AlreadyOnTeamMessage);
                }

                seen.Add((row.Number, person));
            }

            if (row.Task.Length > 2000)
            {
                rowErrors.Add(TeamRosterService.TaskTooLongMessage);
            }

            errors.AddRange(rowErrors.Select(e => new ImportRowError(row.Number, e)));
            accepted.Add(new TeamMember
            {
                UnitId = team.UnitId, TeamId = team.Id, Person = person, Position = position, Title = title, Affiliation = affiliation,
                StartDate = startDate, TaskAssignment = TeamEdits.Clean(row.Task),
            });
        }

        progress?.Report(60);
        if (errors.Count > 0)
        {
            return new RosterImportResult(false, 0, ImportErrors.Listed(errors));
        }

        foreach (var member in accepted)
        {
            // Someone of the scope already on record (another team, an earlier membership) is that person, not a new one.
            member.Person = await TeamEdits.FindSamePersonAsync(db, member.Person!, cancellationToken) ?? member.Person;
            db.TeamMembers.Add(member);
        }

        var result = await TeamEdits.SaveAsync(db, team, cancellationToken);
        progress?.Report(100);
        return result.Succeeded
            ? new RosterImportResult(true, accepted.Count, [], result.Value)
            : new RosterImportResult(false, 0, result.Errors.Select(e => new ImportRowError(0, e)).ToList(), IsConflict: result.IsConflict);
    }

    /// <summary>
    /// The Project 06 roster of a merge (§1.1), read from a sheet in the template's format (one reader, one template for
    /// both): one <see cref="MergeEntry"/> per filled-in row, carrying its sheet row number. The columns are checked as the
    /// import checks them (year, position, office, affiliation in the lists), with the same messages; names, phones and the
    /// office for the team's level are checked when the entries are folded, as for typed entries. Unlike the import, the same person twice is not an error here: the
    /// merge folds such rows together. Zalo and task columns are not used by a merge.
    /// </summary>
    internal static async Task<(List<MergeEntry> Entries, List<ImportRowError> Errors)> ReadMergeEntriesAsync(Stream xlsx,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        using var content = await UploadBuffer.ReadLimitedAsync(xlsx, MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return ([], [new ImportRowError(0, TooBigMessage)]);
        }

        var (rows, sheetErrors) = ReadSheet(content, cancellationToken);
        if (sheetErrors.Count > 0)
        {
            return ([], sheetErrors.ToList());
        }

        if (rows.Count == 0)
        {
            return ([], [new ImportRowError(0, EmptyMessage)]);
        }

        var entries = new List<MergeEntry>();
        var errors = new List<ImportRowError>();
        foreach (var row in rows)
        {
            var rowErrors = new List<string>();
            var year = ParseYear(row.Year, rowErrors);
            var position = Lookup(Positions, row.Position, "Vị trí", rowErrors, TeamPosition.Member);
            var title = row.Title.Length == 0 ? OfficialTitle.None : Lookup(Titles, row.Title, "Chức vụ", rowErrors, OfficialTitle.None);
            var affiliation = Lookup(Affiliations, row.Affiliation, "Thuộc", rowErrors, Affiliation.Citizen);
            errors.AddRange(rowErrors.Select(e => new ImportRowError(row.Number, e)));
            // The office-for-level check is left to the fold, which makes it for typed entries too (one message, not two).
            entries.Add(new MergeEntry(row.Name, year, row.Phone.Length == 0 ? null : row.Phone, affiliation, title, position, row.Number));
        }

        return (entries, errors);
    }

    /// <summary>
    /// Today's rosters of every team in the subtree of <paramref name="unitId"/> (a commune: its own team and its village
    /// teams), formatted; phones as <see cref="PersonalDataPolicy"/> lets the reader see them. Null when the unit is not in
    /// the reader's scope. The export is audited.
    /// </summary>
    public async Task<byte[]?> ExportAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Level, u.Name }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            await refusals.RefuseAsync<AdministrativeUnit>(unitId, "roster export outside scope");
            return null;
        }

        var today = clock.Today;
        var members = db.TeamMembers.AsNoTracking().Where(m => m.StartDate <= today && (m.EndDate == null || m.EndDate >= today));
        members = unit.Level switch
        {
            UnitLevel.District => members.Where(m => m.DistrictId == unit.Id),
            UnitLevel.Commune => members.Where(m => m.CommuneId == unit.Id),
            UnitLevel.Village => members.Where(m => m.VillageId == unit.Id),
            _ => members,
        };
        var rows = await members
            .Select(m => new
            {
                TeamName = db.Teams.Where(t => t.Id == m.TeamId).Select(t => t.Name).FirstOrDefault(), m.TeamId, m.Position, m.Title, m.Affiliation,
                m.StartDate, m.TaskAssignment, Person = m.Person!,
            })
            .OrderBy(m => m.TeamId).ThenByDescending(m => m.Position).ThenBy(m => m.Person.FullNameSearch)
            .Take(MaxExportRows)
            .ToListAsync(cancellationToken);

        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Danh sách thành viên");
        string[] header = ["Tổ", "Họ và tên", "Năm sinh", "Điện thoại", "Zalo", "Vị trí", "Chức vụ", "Thuộc", "Từ ngày", "Nhiệm vụ"];
        TemplateSheet.WriteHeader(sheet, header, [34, 28, 10, 14, 14, 12, 30, 28, 12, 40]);
        var r = 2;
        foreach (var m in rows)
        {
            sheet.Cell(r, 1).SetValue(m.TeamName ?? "");
            sheet.Cell(r, 2).SetValue(m.Person.FullName);
            if (m.Person.BirthYear is { } year)
            {
                sheet.Cell(r, 3).SetValue(year);
            }

            sheet.Cell(r, 4).SetValue(PersonalDataPolicy.Phone(db.Actor, m.Person, m.Person.Phone));
            sheet.Cell(r, 5).SetValue(PersonalDataPolicy.Phone(db.Actor, m.Person, m.Person.Zalo));
            sheet.Cell(r, 6).SetValue(m.Position.ToVietnamese());
            sheet.Cell(r, 7).SetValue(m.Title == OfficialTitle.None ? "" : m.Title.ToVietnamese());
            sheet.Cell(r, 8).SetValue(m.Affiliation.ToVietnamese());
            sheet.Cell(r, 9).SetValue(m.StartDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            sheet.Cell(r, 10).SetValue(m.TaskAssignment ?? "");
            r++;
        }

        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 12;
        await Auditing.AuditLog.RecordAsync(db, AuditActions.Export, nameof(TeamMember), null, unit.Id,
            "{\"what\":\"roster\",\"rows\":" + rows.Count.ToString(CultureInfo.InvariantCulture) + "}", cancellationToken: cancellationToken);
        return Save(workbook);
    }

    private static bool Same(string? phone, string nameKey, int? year, Person person) =>
        (person.Phone is not null && phone == person.Phone) || (person.BirthYear is not null && year == person.BirthYear && nameKey == person.FullNameSearch);

    private static int? ParseYear(string text, List<string> errors)
    {
        var year = CellParse.WholeNumber(SheetCell.FromText(text), TeamRosterService.BirthYearMessage);
        if (!year.IsValid)
        {
            errors.Add(year.Error!);
        }

        return year.Value;
    }

    private static T Lookup<T>(Dictionary<string, T> table, string text, string column, List<string> errors, T fallback)
    {
        if (table.TryGetValue(VietnameseText.ToSearchKey(text), out var value))
        {
            return value;
        }

        errors.Add(text.Length == 0 ? $"Thiếu '{column}'." : $"{column} '{ImportText.Echo(text)}' không có trong danh mục.");
        return fallback;
    }

    private sealed record RosterRow(int Number, string Name, string Year, string Phone, string Zalo, string Position, string Title, string Affiliation, string Task);

    private static (List<RosterRow> Rows, IReadOnlyList<ImportRowError> Errors) ReadSheet(Stream content, CancellationToken cancellationToken)
    {
        var spec = new ImportSheetSpec(SheetName, Columns, Required, MaxRows, $"Tệp có quá nhiều dòng: mỗi lần nhập tối đa {MaxRows} thành viên.");
        var sheet = ImportSheetReader.Read(content, spec, cancellationToken);
        if (sheet.Errors.Count > 0)
        {
            return ([], sheet.Errors);
        }

        var c = sheet.Columns;
        var rows = sheet.Rows
            .Select(r => new RosterRow(r.Number, c.Text(r, "Họ và tên"), c.Text(r, "Năm sinh"), PhoneText(c.Cell(r, "Điện thoại")), PhoneText(c.Cell(r, "Zalo")), c.Text(r, "Vị trí"),
                c.Text(r, "Chức vụ"), c.Text(r, "Thuộc"), c.Text(r, "Nhiệm vụ")))
            .Where(row => new[] { row.Name, row.Year, row.Phone, row.Zalo, row.Position, row.Title, row.Affiliation, row.Task }.Any(v => v.Length > 0))
            .ToList();
        return (rows, []);
    }

    /// <summary>
    /// A phone cell as text for the roster's checks: a number cell (Excel dropped the leading 0, or kept 84) as the stored
    /// form when it is a phone, so that it is checked like the same number typed as text.
    /// </summary>
    private static string PhoneText(SheetCell cell) =>
        cell.Kind == CellKind.Number && VietnamesePhone.TryNormalise(cell, out var phone) ? phone ?? "" : cell.Text;

    private static void WriteColumn(IXLWorksheet sheet, int column, IEnumerable<string> values)
    {
        var r = 2;
        foreach (var value in values)
        {
            sheet.Cell(r++, column).SetValue(value);
        }
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
