using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Components;

/// <summary>
/// MudBlazor's own words — the names a screen reader says for a table's row checkboxes, a pager's buttons, a field's
/// clear button, a dialog's close — in Vietnamese (issue 21). MudBlazor asks its localizer for each key of its
/// <c>LanguageResource</c> before falling back to English; keys missing here keep MudBlazor's English, and
/// <c>VietnameseMudLocalizerTests</c> fails when a key here is not MudBlazor's or a key the portal's pages use is missing.
/// </summary>
internal sealed class VietnameseMudLocalizer : MudLocalizer
{
    internal static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "Đóng thông báo",
        ["MudBaseDatePicker_NextMonth"] = "Tháng sau: {0}",
        ["MudBaseDatePicker_NextYear"] = "Năm sau: {0}",
        ["MudBaseDatePicker_Open"] = "Mở lịch chọn ngày",
        ["MudBaseDatePicker_PrevMonth"] = "Tháng trước: {0}",
        ["MudBaseDatePicker_PrevYear"] = "Năm trước: {0}",
        ["MudBreadcrumbs_Label"] = "Đường dẫn",
        ["MudChip_Close"] = "Bỏ",
        ["MudDataGridPager_AllItems"] = "Tất cả",
        ["MudDataGridPager_FirstPage"] = "Trang đầu",
        ["MudDataGridPager_LastPage"] = "Trang cuối",
        ["MudDataGridPager_NextPage"] = "Trang sau",
        ["MudDataGridPager_PreviousPage"] = "Trang trước",
        ["MudDataGridPager_RowsPerPage"] = "Số dòng mỗi trang:",
        ["MudDataGrid_Loading"] = "Đang tải…",
        ["MudDataGrid_SelectAllRows"] = "Chọn tất cả các dòng",
        ["MudDataGrid_SelectRow"] = "Chọn dòng",
        ["MudDialog_Close"] = "Đóng",
        ["MudFileUpload_Button"] = "Chọn tệp",
        ["MudFormComponent_Required"] = "Bắt buộc nhập",
        ["MudInput_Clear"] = "Xóa nội dung",
        ["MudInput_Decrement"] = "Giảm",
        ["MudInput_Increment"] = "Tăng",
        ["MudNavGroup_ToggleExpand"] = "Mở hoặc thu gọn {0}",
        ["MudPagination_CurrentPage"] = "Trang hiện tại: {0}",
        ["MudPagination_FirstPage"] = "Trang đầu",
        ["MudPagination_LastPage"] = "Trang cuối",
        ["MudPagination_NextPage"] = "Trang sau",
        ["MudPagination_PageIndex"] = "Trang {0}",
        ["MudPagination_PreviousPage"] = "Trang trước",
        ["MudSelect_SelectAll"] = "Chọn tất cả",
        ["MudSnackbar_Close"] = "Đóng thông báo",
        ["MudTablePager_FirstPage"] = "Trang đầu",
        ["MudTablePager_LastPage"] = "Trang cuối",
        ["MudTablePager_NextPage"] = "Trang sau",
        ["MudTablePager_PreviousPage"] = "Trang trước",
        ["MudTable_CancelEditRow"] = "Hủy sửa dòng",
        ["MudTable_CollapseGroup"] = "Thu gọn nhóm",
        ["MudTable_CommitRow"] = "Lưu dòng",
        ["MudTable_EditRow"] = "Sửa dòng",
        ["MudTable_ExpandGroup"] = "Mở nhóm",
        ["MudTable_Loading"] = "Đang tải…",
        ["MudTable_SelectAllRows"] = "Chọn tất cả các dòng",
        ["MudTable_SelectGroup"] = "Chọn cả nhóm",
        ["MudTable_SelectRow"] = "Chọn dòng",
        ["MudTabs_ScrollLeft"] = "Cuộn sang trái",
        ["MudTabs_ScrollRight"] = "Cuộn sang phải",
        ["MudTimePicker_Open"] = "Mở đồng hồ chọn giờ",
    };

    public override LocalizedString this[string key] =>
        Words.TryGetValue(key, out var word) ? new LocalizedString(key, word) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        Words.TryGetValue(key, out var word)
            ? new LocalizedString(key, string.Format(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), word, arguments))
            : new LocalizedString(key, key, resourceNotFound: true);
}
