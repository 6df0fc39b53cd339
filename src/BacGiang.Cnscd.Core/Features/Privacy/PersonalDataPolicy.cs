using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;

namespace BacGiang.Cnscd.Core.Features.Privacy;

/// <summary>
/// Who sees a person's phone number in full (Law 91/2025/QH15 on personal data): only the levels that
/// work with that person — the commune officer for people of the commune, the village leader for
/// people of the village. District and province roles read figures, not phone books: they see the
/// number masked ("09xx xxx 123"). Every page and export that shows a phone asks here.
/// </summary>
public static class PersonalDataPolicy
{
    public static bool ManagesPeopleOf(Actor actor, IUnitScoped row) =>
        !actor.Scope.IsNothing && !actor.Scope.IsUnrestricted
        && (actor.Scope.VillageId is not null || actor.Scope.CommuneId is not null)
        && actor.Scope.Covers(row.DistrictId, row.CommuneId, row.VillageId);

    /// <summary>The phone as this actor may see it: in full when they manage the person, masked otherwise.</summary>
    public static string Phone(Actor actor, IUnitScoped row, string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? "" : ManagesPeopleOf(actor, row) ? phone : VietnameseText.MaskPhone(phone);
}
