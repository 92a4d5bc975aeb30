using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Workflows.Notes;

/// <summary>What <see cref="ReadProfiles"/> produced: the lexicon used, the notes read, the ingest report and one profile per client.</summary>
public sealed record ProfilesRead(ConceptLexicon Lexicon, List<Note> Notes, IngestReport Report, IReadOnlyList<ClientProfile> Profiles)
{
    /// <summary>Notes left out because they are dated after the input's as-of date.</summary>
    public int AfterAsOf { get; init; }

    /// <summary>The newest note date of the whole file (every client, selected or not); null when no note is dated.</summary>
    public DateOnly? NewestNote { get; init; }
}
