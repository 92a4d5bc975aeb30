using Clientele.Core.Lexicon;

namespace Clientele.Core.Scoring;

/// <summary>
/// The subject of a <see cref="Reason"/>: its kind, the concept when it is about one, and for an extra column its
/// name ("Duration", "Store: paris") and the client's value when it is a number or a date ("60 min").
/// </summary>
public readonly record struct ReasonSubject(ReasonSubjectKind Kind, Concept? Concept = null, string? Column = null, string? Value = null)
{
    /// <summary>A reason about <paramref name="concept"/>.</summary>
    public static ReasonSubject Of(Concept concept) => new(ReasonSubjectKind.Concept, concept);
}
