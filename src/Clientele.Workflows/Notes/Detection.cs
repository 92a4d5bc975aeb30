namespace Clientele.Workflows.Notes;

/// <summary>Counts of a <see cref="DetectConcepts"/> run: concept matches, characters of note text, distinct clients, notes read.</summary>
public sealed record Detection(long Matches, long Chars, int Clients, long Notes);
