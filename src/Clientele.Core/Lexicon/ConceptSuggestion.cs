namespace Clientele.Core.Lexicon;

/// <summary>
/// A phrase of the notes that no concept matches, suggested as a concept of the maison's overlay.
/// </summary>
/// <param name="Phrase">The phrase, folded as the matcher folds text.</param>
/// <param name="Clients">Clients whose notes have it.</param>
/// <param name="Notes">Notes that have it.</param>
/// <param name="Languages">Languages of those notes (as the file gives them).</param>
/// <param name="Examples">A few client ids whose notes have it.</param>
/// <param name="LogOdds">With outcomes: the smoothed log-odds ratio of the outcome for clients with the phrase against the others; null without.</param>
/// <param name="Z">With outcomes: <paramref name="LogOdds"/> over its standard error, which ranks the suggestions; null without.</param>
public sealed record ConceptSuggestion(string Phrase, int Clients, int Notes, IReadOnlyList<string> Languages, IReadOnlyList<string> Examples, double? LogOdds, double? Z);
