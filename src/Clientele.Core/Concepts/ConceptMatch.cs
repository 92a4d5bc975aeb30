namespace Clientele.Core.Concepts;

/// <summary>One detected concept in a note: which concept, which of its aliases, where (original offsets, end exclusive).</summary>
/// <param name="ConceptIndex">Index of the concept in the matcher's lexicon.</param>
/// <param name="AliasIndex">Index of the matched alias among the concept's aliases.</param>
/// <param name="Start">First character of the match in the original text.</param>
/// <param name="End">One past the last character of the match.</param>
/// <param name="Negated">
/// True when a negation or hedge cue governs the match ("pas fan de noir", "不喜欢黑色", "黒は好きではない"): the
/// concept is mentioned but not held. Profiles keep negated matches out of the concept counts; detect output shows them.
/// </param>
public readonly record struct ConceptMatch(int ConceptIndex, int AliasIndex, int Start, int End, bool Negated = false)
{
    /// <summary>Length of the match in characters.</summary>
    public int Length => End - Start;
}
