using System.Text.RegularExpressions;
using Clientele.Core.Facts;

namespace Clientele.Core.Concepts;

/// <summary>
/// Pulls the client's stated budget and age out of a free-text advisor note written in any of
/// EN FR DE ES IT PT NL RU AR JA KO ZH (often mixed with English). Rule-based on purpose: the
/// facts are numeric and their phrasing is formulaic, so a handful of anchored patterns beat a model
/// and stay auditable. The words of every language are data (Facts/Resources, one table per kind of word);
/// the engine in Facts/ builds its patterns from them. Never throws; hostile input degrades to <c>default</c> facts.
/// </summary>
public static class FactExtractor
{
    /// <summary>Extracts budget and age; returns <c>default</c> facts for empty or unparseable input.</summary>
    public static NoteFacts Extract(string text)
    {
        // Callers compiled without nullable analysis can still pass null.
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        string note = NoteNormalizer.Normalize(text);
        BudgetFinder.Budget? budget = Safe(BudgetFinder.Find, note);
        int? age = Safe(AgeFinder.Find, note);
        return budget is { } b
            ? new NoteFacts(b.LowK, b.HighK, b.OpenEnded, age)
            : new NoteFacts(null, null, false, age);
    }

    // A pathological note loses that fact rather than stalling the ingest pipeline.
    private static T? Safe<T>(Func<string, T?> find, string note)
        where T : struct
    {
        try
        {
            return find(note);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
