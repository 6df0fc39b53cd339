using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>An activity in the team page's paged list.</summary>
public sealed record ActivityRow(int Id, DateOnly Date, ActivityKind Kind, string Title, DigitalSkills Topics, string? Place, int ParticipantCount,
    int MembersPresent)
{
    public string KindLabel => Kind.ToVietnamese();

    public string TopicsLabel => Topics == DigitalSkills.None ? "Chung" : Topics.ToVietnamese();
}
