namespace BacGiang.Cnscd.Web.Security;

/// <summary>Claims the portal adds to an account's principal at sign-in.</summary>
public static class PortalClaimTypes
{
    public const string FullName = "cnscd:name";
    public const string UnitId = "cnscd:unit";
    public const string ScopeLevel = "cnscd:level";
    public const string ScopeDistrict = "cnscd:district";
    public const string ScopeCommune = "cnscd:commune";
    public const string ScopeVillage = "cnscd:village";
}
