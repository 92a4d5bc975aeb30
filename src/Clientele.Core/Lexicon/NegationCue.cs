namespace Clientele.Core.Lexicon;

/// <summary>One row of the negation cue file: a word or phrase that negates (or hedges) a nearby concept.</summary>
/// <param name="Language">The language code the cue is written in (informative: cues apply to every note).</param>
/// <param name="Cue">The cue as written; matched folded, with word boundaries in spaced scripts.</param>
/// <param name="Position">Whether it negates the alias after it, before it, or breaks a negation's reach.</param>
/// <param name="Window">Most characters allowed between the cue and the alias.</param>
public sealed record NegationCue(string Language, string Cue, CuePosition Position, int Window);
