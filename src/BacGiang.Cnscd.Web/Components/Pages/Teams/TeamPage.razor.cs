using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Web.Security;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Teams;

namespace BacGiang.Cnscd.Web.Components.Pages.Teams;

/// <summary>The team page's state and actions, kept out of the markup: the roster on a date, contacts, the governance documents, the Excel import and the member dialogs.</summary>
public partial class TeamPage
{
    [Parameter]
    public int UnitId { get; set; }

    private TeamDetail? _team;
    private bool _ready;
    private bool _importing;
    private int _progress;
    private List<BacGiang.Cnscd.Core.Features.Common.Import.ImportRowError> _importErrors = [];
    private GovernanceDetail? _governance;
    private bool _loaded;
    private DateOnly _on;

    protected override async Task OnParametersSetAsync()
    {
        _on = Clock.Today;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loaded = false;
        _team = await Teams.GetTeamOnAsync(UnitId, _on);
        _governance = _team is null ? null : await Governance.GetAsync(_team.TeamId);
        _loaded = true;
        if (_team is null)
        {
            // Another unit's id (or a unit without a team) answers 404 and shows nothing of it.
            Navigation.NotFound();
        }
    }

    private async Task OnDateChangedAsync(DateTime? date)
    {
        _on = date is { } d ? DateOnly.FromDateTime(d) : Clock.Today;
        await LoadAsync();
    }

    private async Task EditContactAsync()
    {
        if (_team is null)
        {
            return;
        }

        var parameters = new DialogParameters<TeamContactDialog>
        {
            { d => d.TeamId, _team.TeamId }, { d => d.ZaloGroupUrl, _team.ZaloGroupUrl }, { d => d.Hotline, _team.Hotline }, { d => d.Version, _team.Version },
        };
        var dialog = await Dialogs.ShowAsync<TeamContactDialog>("Sửa đầu mối hỗ trợ", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add("Đã lưu đầu mối hỗ trợ.", Severity.Success);
        }

        // Reload either way: after a conflict the page must show what the other person saved.
        await LoadAsync();
    }

    private async Task EditGovernanceAsync(bool plan)
    {
        if (_team is null)
        {
            return;
        }

        var parameters = new DialogParameters<TeamGovernanceDialog>
        {
            { d => d.IsPlan, plan }, { d => d.TeamId, _team.TeamId }, { d => d.Version, _team.Version }, { d => d.Current, _governance },
        };
        var dialog = await Dialogs.ShowAsync<TeamGovernanceDialog>(null, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(plan ? "Đã lưu kế hoạch năm." : "Đã lưu Quy chế hoạt động.", Severity.Success);
        }

        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Tells browser tests the circuit is live: clicks before this are lost.
            _ready = true;
            StateHasChanged();
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || _team is null || _importing)
        {
            return;
        }

        _importErrors = [];
        // Checked here too so that a large file is refused before a byte of it crosses the circuit.
        if (file.Size > TeamExcelService.MaxFileBytes)
        {
            _importErrors = [new(0, TeamExcelService.TooBigMessage)];
            return;
        }

        _importing = true;
        _progress = 0;
        try
        {
            var progress = new Progress<int>(percent =>
            {
                _progress = percent;
                StateHasChanged();
            });
            await using var upload = file.OpenReadStream(TeamExcelService.MaxFileBytes);
            var result = await Excel.ImportAsync(_team.TeamId, upload, Clock.Today, _team.Version, progress);
            if (result.Succeeded)
            {
                Snackbar.Add($"Đã nhập {result.Added} thành viên.", Severity.Success);
                await LoadAsync();
            }
            else
            {
                _importErrors = result.Errors.ToList();
            }
        }
        finally
        {
            _importing = false;
        }
    }

    private bool IsToday => _on == Clock.Today;

    private async Task EditMemberAsync(TeamMemberDialogMode mode, TeamMemberRow? member)
    {
        if (_team is null)
        {
            return;
        }

        var parameters = new DialogParameters<TeamMemberDialog>
        {
            { d => d.Mode, mode }, { d => d.TeamId, _team.TeamId }, { d => d.Level, _team.Level }, { d => d.Version, _team.Version }, { d => d.Member, member },
        };
        var dialog = await Dialogs.ShowAsync<TeamMemberDialog>(null, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add("Đã lưu thay đổi thành phần tổ.", Severity.Success);
        }

        // Reload either way: after a conflict the page must show what the other person saved.
        await LoadAsync();
    }

    private static string Icon(bool ok) => ok ? Icons.Material.Filled.CheckCircle : Icons.Material.Filled.Cancel;

    private static Color IconColor(bool ok) => ok ? Color.Success : Color.Error;

    /// <summary>Zalo accounts are phone numbers: the chat link is zalo.me/ followed by the digits.</summary>
    private static string ZaloDigits(string zalo) => new(zalo.Where(char.IsDigit).ToArray());
}
