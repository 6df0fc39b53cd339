using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>A model after a command: its id, the version the next form must send, and where it stands.</summary>
public sealed record PracticeSaved(int Id, int Version, PracticeStatus Status);
