using Clientele.Core.Lexicon;

namespace Clientele.Core.Scoring;

/// <summary>The subject of a <see cref="Reason"/>: its kind, and the concept when it is about one.</summary>
public readonly record struct ReasonSubject(ReasonSubjectKind Kind, Concept? Concept = null)
{
    /// <summary>A reason about <paramref name="concept"/>.</summary>
    public static ReasonSubject Of(Concept concept) => new(ReasonSubjectKind.Concept, concept);
}
