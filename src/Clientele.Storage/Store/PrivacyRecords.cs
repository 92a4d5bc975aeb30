namespace Clientele.Storage.Store;

/// <summary>
/// What an erasure removed: the keyed hash that now stands for the client in the audit, whether the client was
/// held at all (a client row or a purchase), and how many notes, concepts and predictions went with it.
/// </summary>
public sealed record ErasureRecord(string ClientHash, bool Found, int Notes, int Concepts, int Predictions)
{
    /// <summary>How many transactions (purchases and returns) went with it.</summary>
    public int Transactions { get; init; }
}

/// <summary>A client's recorded consent to profiling: <see cref="ConsentStates"/> value and when it was set.</summary>
public sealed record ConsentRecord(string ClientId, string State, DateTimeOffset At);

/// <summary>
/// The consent states a client can be in. Only <see cref="Granted"/> (or no record at all: the maison's legitimate
/// interest) lets a client be scored; an objection (GDPR art. 21) or a withdrawn consent suppresses it.
/// </summary>
public static class ConsentStates
{
    /// <summary>The client agreed to profiling.</summary>
    public const string Granted = "granted";

    /// <summary>The client withdrew an earlier consent.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The client objected to profiling.</summary>
    public const string Objected = "objected";

    /// <summary>Every state, in the order help texts list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Granted, Withdrawn, Objected];

    /// <summary>True when a client in <paramref name="state"/> must not be scored, listed or exported to campaigns.</summary>
    public static bool Suppresses(string? state) => state is Withdrawn or Objected;
}
