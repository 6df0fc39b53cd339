namespace BacGiang.Cnscd.Web.Components.Pages.Households;

/// <summary>
/// The visit form as kept in the browser's session storage (encrypted by ProtectedSessionStorage), so a dropped
/// connection or a reload loses nothing. <see cref="ClientRequestId"/> is made once per form and travels with
/// the draft: saving the restored form again is the same request, and the service stores it only once.
/// </summary>
public sealed class VisitDraft
{
    public Guid ClientRequestId { get; set; } = Guid.NewGuid();

    public DateOnly VisitedOn { get; set; }

    public int MemberId { get; set; }

    public int Skills { get; set; }

    public bool HasVneidLevel2 { get; set; }

    public bool HasPublicServiceAccount { get; set; }

    public string? Note { get; set; }

    /// <summary>The storage key of a household's draft.</summary>
    public static string KeyFor(int householdId) => "visit-draft-" + householdId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
