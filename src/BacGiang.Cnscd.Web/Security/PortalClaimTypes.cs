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

    /// <summary>The account's own team membership (village leaders), preselected as the visitor on a visit.</summary>
    public const string MemberId = "cnscd:member";

    /// <summary>Unix seconds of the password sign-in; the absolute 12-hour limit counts from it.</summary>
    public const string SignedInAt = "cnscd:signed-in-at";

    /// <summary>"true" when the account has an authenticator (two-factor sign-in).</summary>
    public const string TwoFactor = "cnscd:2fa";
}
