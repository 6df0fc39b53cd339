using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BacGiang.Cnscd.Core.Data;

/// <summary>Writes UTC and reads back as <see cref="DateTimeKind.Utc"/> on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
