namespace BacGiang.Cnscd.Core.Domain;

/// <summary>The words stored in <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string AccountChange = "AccountChange";
    public const string Export = "Export";
    public const string Import = "Import";
    public const string Refused = "Refused";

    /// <summary>A restructuring plan applied or undone (issue 12); the journal holds what it changed.</summary>
    public const string Restructure = "Restructure";
}
