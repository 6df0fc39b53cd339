using System.Globalization;
using System.Text;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>The preview (or the refusal) as text, for the command line: what an administrator reads before applying.</summary>
public static class RestructuringReport
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>One line of counts for the journal ("10 huyện và 195 xã đóng, 58 xã mở, …").</summary>
    public static string Summary(RestructuringPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var p = preview;
        return string.Create(Vi, $"{p.DistrictsToClose.Count} huyện và {p.CommunesToClose.Count} xã đóng, {p.CommunesToOpen.Count} xã mở; {p.VillagesMoved:N0} thôn, {p.Households:N0} hộ, {p.Visits:N0} lượt thăm chuyển sang xã mới.")
            + (p.NewProvinceName is { } renamed ? $" Đổi tên tỉnh: {p.ProvinceName} → {renamed}." : "");
    }

    /// <summary>One line of counts of a village plan for the journal ("2 thôn chuyển xã, 1 thôn nhập, 1 thôn tách; 530 hộ …").</summary>
    public static string Summary(VillagePlanPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var p = preview;
        return string.Create(Vi, $"Sắp xếp thôn: {p.Count(VillageAction.Move)} thôn chuyển xã, {p.Count(VillageAction.Merge)} thôn nhập, {p.Count(VillageAction.Split)} thôn tách; {p.Households:N0} hộ, {p.Visits:N0} lượt thăm chuyển theo.");
    }

    /// <summary>What a line of a village plan does, as the preview says it.</summary>
    public static string ActionLabel(VillageAction action) => action switch
    {
        VillageAction.Move => "Chuyển sang xã",
        VillageAction.Merge => "Nhập vào thôn",
        VillageAction.Split => "Tách một phần thành",
        _ => action.ToString(),
    };

    /// <summary>A step of an apply, as a progress line says it.</summary>
    public static string StepLabel(RestructuringStep step) => step switch
    {
        RestructuringStep.Checked => "Đã kiểm tra kế hoạch",
        RestructuringStep.UnitsOpened => "Đã mở các xã mới và tổ cấp xã",
        RestructuringStep.VillagesMoved => "Đã chuyển thôn và dữ liệu của thôn",
        RestructuringStep.UnitsClosed => "Đã đóng xã cũ và huyện",
        RestructuringStep.AccountsChanged => "Đã chuyển tài khoản",
        _ => step.ToString(),
    };

    /// <summary>An apply that succeeded: what was applied and how to undo it.</summary>
    public static string FormatApplied(RestructuringPreviewResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Villages is { } villages && result.JournalId is { } villageJournal)
        {
            return string.Create(Vi, $"Đã áp dụng sắp xếp thôn, hiệu lực từ {villages.EffectiveOn:dd/MM/yyyy} (nhật ký số {villageJournal}).\n")
                + Summary(villages) + "\n"
                + string.Create(Vi, $"Hoàn tác (khi các thôn đã sắp xếp chưa có dữ liệu mới): restructure --undo {villageJournal}\n");
        }

        if (result.Preview is not { } p || result.JournalId is not { } journal)
        {
            return Format(result);
        }

        var text = new StringBuilder();
        text.AppendLine(Vi, $"Đã áp dụng sắp xếp đơn vị hành chính, hiệu lực từ {p.EffectiveOn:dd/MM/yyyy} (nhật ký số {journal}).");
        text.AppendLine(Summary(p));
        text.AppendLine(Vi, $"Tài khoản cán bộ huyện đã bị khóa ({p.DistrictAccountsToDisable.Count}): {(p.DistrictAccountsToDisable.Count == 0 ? "không có" : string.Join(", ", p.DistrictAccountsToDisable))}.");
        text.AppendLine(Vi, $"Hoàn tác (khi chưa có dữ liệu mới ở các xã mới): restructure --undo {journal}");
        return text.ToString();
    }

    public static string Format(RestructuringPreviewResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        if (result.Villages is { } villages)
        {
            text.AppendLine(Vi, $"Xem trước sắp xếp thôn, hiệu lực từ {villages.EffectiveOn:dd/MM/yyyy} (chưa thay đổi dữ liệu).");
            text.AppendLine(Summary(villages));
            foreach (var c in villages.Changes)
            {
                text.AppendLine(string.Create(Vi, $"  Dòng {c.Row}: {c.Village} ({c.From}) — {ActionLabel(c.Action).ToLower(Vi)} {c.To}: {c.Households:N0} hộ, {c.Visits:N0} lượt thăm")
                    + (c.Action == VillageAction.Merge ? string.Create(Vi, $", {c.People:N0} người, {c.MembersEnded:N0} thành viên tổ thôn kết thúc (tổ đóng, giữ danh sách)") : "")
                    + (c.Accounts > 0 ? string.Create(Vi, $", {c.Accounts:N0} tài khoản") : "") + ".");
            }

            return text.ToString();
        }

        if (result.Preview is not { } p)
        {
            text.AppendLine(Vi, $"Kế hoạch bị từ chối ({result.Errors.Count} lỗi), không có gì thay đổi:");
            foreach (var error in result.Errors)
            {
                text.AppendLine(error.Row == 0 ? $"  - {error.Message}" : string.Create(Vi, $"  - Dòng {error.Row}: {error.Message}"));
            }

            return text.ToString();
        }

        text.AppendLine(Vi, $"Xem trước sắp xếp đơn vị hành chính, hiệu lực từ {p.EffectiveOn:dd/MM/yyyy} (chưa thay đổi dữ liệu).");
        if (p.NewProvinceName is { } renamed)
        {
            text.AppendLine(Vi, $"Đổi tên tỉnh: {p.ProvinceName} → {renamed}.");
        }

        text.AppendLine(Vi, $"Đóng {p.DistrictsToClose.Count} huyện: {string.Join("; ", p.DistrictsToClose)}.");
        text.AppendLine(Vi, $"Đóng {p.CommunesToClose.Count} xã cũ; mở {p.CommunesToOpen.Count} xã mới trực thuộc tỉnh.");
        text.AppendLine(Vi, $"Chuyển {p.VillagesMoved:N0} thôn, {p.Households:N0} hộ, {p.Visits:N0} lượt thăm, {p.CurrentMembers:N0} thành viên, {p.Accounts:N0} tài khoản, {p.Targets:N0} chỉ tiêu, {p.OpenReports:N0} báo cáo chưa duyệt.");
        foreach (var c in p.CommunesToOpen)
        {
            text.AppendLine(Vi, $"  {c.Name} ({c.Code}) ← {string.Join(", ", c.OldCommunes)}");
            text.AppendLine(Vi, $"    {c.VillagesMoved:N0} thôn, {c.Households:N0} hộ, {c.Visits:N0} lượt thăm, {c.CurrentMembers:N0} thành viên, {c.Accounts:N0} tài khoản, {c.Targets:N0} chỉ tiêu, {c.OpenReports:N0} báo cáo chưa duyệt; {c.CommuneTeamsToMerge} tổ cấp xã cũ để hợp nhất.");
        }

        text.AppendLine(Vi, $"Tài khoản cán bộ huyện sẽ bị khóa ({p.DistrictAccountsToDisable.Count}): {(p.DistrictAccountsToDisable.Count == 0 ? "không có" : string.Join(", ", p.DistrictAccountsToDisable))}.");
        return text.ToString();
    }
}
