namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// Marks a property whose value is prose that people type (a visit note, a report's narrative, a review
/// comment). Such text can hold anything — a neighbour's name, a phone number, a health detail — so the
/// audit log records only that it changed and how long it is, never the words. The text itself stays in
/// its own row, behind the row's scope.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FreeTextAttribute : Attribute;
