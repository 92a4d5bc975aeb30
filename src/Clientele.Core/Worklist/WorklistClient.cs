using Clientele.Core.Concepts;
using Clientele.Core.Occasions;
using Clientele.Core.Scoring;

namespace Clientele.Core.Worklist;

/// <summary>
/// What the worklist knows of one client as of a date: the scores, the concepts of the notes (ids, and the stated
/// preferences in the order written), the facts, the dated occasions, purchase recency and P(alive), the advisor and
/// the last contact. Built by the caller from notes, transactions and the store.
/// </summary>
public sealed record WorklistClient(string ClientId, ClientScore Score)
{
    /// <summary>The client's advisor, empty when none is known.</summary>
    public string Advisor { get; init; } = string.Empty;

    /// <summary>Ids of the concepts in the client's notes.</summary>
    public IReadOnlySet<string> Concepts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Stated preferences (colour, material, product labels), newest first.</summary>
    public IReadOnlyList<string> Preferences { get; init; } = [];

    /// <summary>The stated budget and age.</summary>
    public NoteFacts Facts { get; init; }

    /// <summary>The occasions found in the notes.</summary>
    public IReadOnlyList<Occasion> Occasions { get; init; } = [];

    /// <summary>Days from the last purchase to the as-of date; null without purchases.</summary>
    public int? DaysSincePurchase { get; init; }

    /// <summary>BG/NBD probability the client is still active; null without purchases.</summary>
    public double? ProbabilityAlive { get; init; }

    /// <summary>The latest note's date (each note follows a meeting).</summary>
    public DateOnly? LastNote { get; init; }

    /// <summary>The latest contact logged in the store.</summary>
    public DateOnly? LastLoggedContact { get; init; }

    /// <summary>The later of the last note and the last logged contact.</summary>
    public DateOnly? LastContact => LastNote is { } n && LastLoggedContact is { } c ? (n > c ? n : c) : LastNote ?? LastLoggedContact;
}
