using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Web.Security;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Web.Components.Pages.Households;

/// <summary>The household register page's state and actions, kept out of the markup: the unit and its filter chips, the page of households, the recent visits, assignment and the import.</summary>
public partial class HouseholdRegister
{
    /// <summary>The "not visited" chip starts at a quarter: a household not seen for 90 days needs a visit.</summary>
    private const int DefaultNotVisitedDays = 90;

    private int _notVisitedDays = DefaultNotVisitedDays;
    private MudFileUpload<IBrowserFile>? _upload;
    private bool _importing;
    private int _progress;
    private IReadOnlyList<ImportRowError> _importErrors = [];

    /// <summary>Filling the register from Excel is the commune's and the village's work.</summary>
    private bool CanImport => HouseholdImport.CanImport(User.Current);

    [Parameter]
    public int? VillageId { get; set; }

    private UnitSummary? _unit;
    private bool _loaded;
    private string? _search;
    private HouseholdFilter _filter = HouseholdFilter.None;
    private MudTable<HouseholdRow>? _table;
    private bool _interactive;
    private IReadOnlyList<RecentVisitRow> _recent = [];
    private HashSet<HouseholdRow> _selected = [];
    private IReadOnlyList<TeamMemberOption> _members = [];
    private int? _assignee;

    /// <summary>Assigning visitors is the village's and commune's work, inside one village's list.</summary>
    private bool CanAssign => _unit?.Level == UnitLevel.Village && HouseholdService.LogsVisits(User.Current);

    private const int RecentCount = 3;

    protected override void OnAfterRender(bool firstRender)
    {
        // Marks the page as connected: a prerendered page shows rows, but typing reaches the server only now.
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        if (VillageId is { } id)
        {
            _unit = await Units.GetAsync(id);
            if (_unit is null || _unit.Level != UnitLevel.Village)
            {
                // Another unit's id (or not a village) answers 404 and shows nothing of it.
                _unit = null;
                _loaded = true;
                Navigation.NotFound();
                return;
            }
        }
        else
        {
            // Without an id: the reader's own commune or village (district and province pick a village first).
            var own = User.Current.UnitId is { } unitId ? await Units.GetAsync(unitId) : null;
            _unit = own?.Level is UnitLevel.Village or UnitLevel.Commune ? own : null;
        }

        // The phone flow: a leader often returns to a household just visited (a second member, a follow-up).
        _recent = _unit?.Level == UnitLevel.Village ? await Visits.RecentlyVisitedAsync(_unit.Id, RecentCount) : [];
        _loaded = true;
        _search = null;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task<TableData<HouseholdRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (_unit is null)
        {
            return new TableData<HouseholdRow> { Items = [], TotalItems = 0 };
        }

        var page = await Households.RegisterAsync(_unit.Id, _filter, _search, new PageRequest(state.Page, state.PageSize), cancellationToken: cancellationToken);
        return new TableData<HouseholdRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchAsync(string? text)
    {
        _search = text;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task ToggleAsync(Func<HouseholdFilter, HouseholdFilter> change)
    {
        _filter = change(_filter);
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task SelectionChangedAsync(HashSet<HouseholdRow> selected)
    {
        _selected = selected;
        if (_members.Count == 0 && _selected.Count > 0 && await Households.GetAsync(_selected.First().Id) is { } detail)
        {
            _members = detail.Members;
        }
    }

    private async Task AssignAsync()
    {
        var result = await Assistance.AssignAsync(_selected.Select(h => h.Id).ToList(), _assignee);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!, Severity.Error);
            return;
        }

        Snackbar.Add($"Đã phân công {result.Value} hộ.", Severity.Success);
        _selected = [];
        _assignee = null;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task NotVisitedDaysChangedAsync(int days)
    {
        _notVisitedDays = Math.Clamp(days, 1, 3650);
        if (_filter.NotVisitedForDays is not null)
        {
            await ToggleAsync(f => f with { NotVisitedForDays = _notVisitedDays });
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || _importing)
        {
            return;
        }

        _importErrors = [];
        // Checked here too so that a large file is refused before a byte of it crosses the circuit.
        if (file.Size > HouseholdImport.MaxFileBytes)
        {
            _importErrors = [new ImportRowError(0, HouseholdImportMessages.TooLarge)];
            await ClearUploadAsync();
            return;
        }

        _importing = true;
        _progress = 0;
        StateHasChanged();
        try
        {
            // Progress<T> posts to the circuit's synchronization context, so rendering from it is safe.
            var progress = new Progress<int>(percent =>
            {
                _progress = percent;
                StateHasChanged();
            });
            await using var upload = file.OpenReadStream(HouseholdImport.MaxFileBytes);
            var result = await Import.ImportAsync(upload, progress);
            if (result.Succeeded)
            {
                Snackbar.Add($"Đã thêm {result.Created.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} hộ gia đình vào sổ.", Severity.Success);
                if (_table is not null)
                {
                    await _table.ReloadServerData();
                }
            }
            else
            {
                _importErrors = result.Errors;
            }
        }
        catch (ScopeViolationException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (IOException)
        {
            _importErrors = [new ImportRowError(0, HouseholdImportMessages.ReadFailed)];
        }
        finally
        {
            _importing = false;
        }

        await ClearUploadAsync();
    }

    // Without clearing, choosing the same (corrected) file again would not raise FilesChanged.
    private async Task ClearUploadAsync()
    {
        if (_upload is not null)
        {
            await _upload.ClearAsync();
        }
    }

    private static Color Chip(bool on) => on ? Color.Primary : Color.Default;

    private static Variant Variant(bool on) => on ? MudBlazor.Variant.Filled : MudBlazor.Variant.Outlined;

    private static string YesNo(bool value) => value ? "Có" : "Chưa";

    private static Color CoverageColor(CoverageStatus status) => status switch
    {
        CoverageStatus.CoveredByOwnMember => Color.Success,
        CoverageStatus.CoveredByAssistance => Color.Info,
        _ => Color.Warning,
    };
}
