using Clientele.Core.Facts;

namespace Clientele.Core.Concepts;

/// <summary>
/// Pulls the client's stated budget and age out of a free-text advisor note written in any of
/// EN FR DE ES IT PT NL RU AR JA KO ZH (often mixed with English). Rule-based on purpose: the
/// facts are numeric and their phrasing is formulaic, so a handful of anchored patterns beat a model
/// and stay auditable. The words of every language are data (Facts/Resources, one table per kind of word);
/// the engine in Facts/ builds its patterns from them. Never throws; the patterns' cost is bounded by the input, which
/// is cut to the scan length, so hostile input cannot stall it (FactPatterns.MatchTimeout says why there is no timeout).
/// </summary>
public static class FactExtractor
{
    /// <summary>
    /// Builds the extractor's tables and patterns now instead of at the first note (about 80 ms on the 2-core
    /// machine), so a command can have them built on another thread while it opens its model and its input.
    /// </summary>
    public static void Prepare() => Extract("Budget 5K, 45 ans");

    /// <summary>Extracts budget and age; returns <c>default</c> facts for empty or unparseable input.</summary>
    public static NoteFacts Extract(string text)
    {
        // Callers compiled without nullable analysis can still pass null.
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        string note = NoteNormalizer.Normalize(text);
        BudgetFinder.Budget? budget = BudgetFinder.Find(note);
        int? age = AgeFinder.Find(note);
        return budget is { } b
            ? new NoteFacts(b.LowK, b.HighK, b.OpenEnded, age)
            : new NoteFacts(null, null, false, age);
    }
}
