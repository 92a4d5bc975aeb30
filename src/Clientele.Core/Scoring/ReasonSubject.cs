using Clientele.Core.Lexicon;

namespace Clientele.Core.Scoring;

/// <summary>
/// The subject of a <see cref="Reason"/>: its kind, the concept when it is about one, for an extra column its name
/// ("Duration", "Store: paris") and the client's value when it is a number or a date ("60 min"), and the words when it
/// is a phrase of the notes' own text.
/// </summary>
public readonly record struct ReasonSubject(ReasonSubjectKind Kind, Concept? Concept = null, string? Column = null, string? Value = null, string? Phrase = null)
{
    /// <summary>A reason about <paramref name="concept"/>.</summary>
    public static ReasonSubject Of(Concept concept) => new(ReasonSubjectKind.Concept, concept);

    /// <summary>A reason about a word or phrase of the notes (folded, as the text channel keeps it).</summary>
    public static ReasonSubject OfPhrase(string phrase) => new(ReasonSubjectKind.Phrase, Phrase: phrase);
}
