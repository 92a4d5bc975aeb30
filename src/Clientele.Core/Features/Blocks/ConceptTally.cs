namespace Clientele.Core.Features.Blocks;

/// <summary>
/// How often each concept occurs in a profile, and the shape of those counts. Computed once per row: statistics,
/// pairs and diversity all read it. A struct over a per-thread dictionary: a row allocates nothing for it (docs/BENCHMARKS.md).
/// </summary>
internal readonly struct ConceptTally
{
    private ConceptTally(Dictionary<int, int>? byConcept, double entropy, int maxCount, int singletons, int repeated)
    {
        ByConcept = byConcept;
        Entropy = entropy;
        MaxCount = maxCount;
        Singletons = singletons;
        Repeated = repeated;
    }

    /// <summary>
    /// Occurrences per concept index, in order of first occurrence; null when the profile has no concept. The
    /// thread's one dictionary: valid until the next <see cref="Of"/> on this thread (a row is written before the next).
    /// </summary>
    public Dictionary<int, int>? ByConcept { get; }

    public int DistinctCount => ByConcept?.Count ?? 0;

    /// <summary>Shannon entropy (nats) of the concept shares.</summary>
    public double Entropy { get; }

    public int MaxCount { get; }

    /// <summary>Concepts seen once.</summary>
    public int Singletons { get; }

    /// <summary>Concepts seen more than twice.</summary>
    public int Repeated { get; }

    [ThreadStatic]
    private static Dictionary<int, int>? _counts;

    public static ConceptTally Of(List<int> concepts)
    {
        if (concepts.Count == 0)
        {
            return default;
        }

        // One dictionary per thread, cleared per row: a row's tally is read only while that row is written.
        var byConcept = _counts ??= [];
        byConcept.Clear();
        foreach (var c in concepts)
        {
            byConcept[c] = byConcept.GetValueOrDefault(c) + 1;
        }

        // Summed in first-occurrence order (the dictionary's), so the entropy's rounding never changes.
        double entropy = 0;
        int maxCount = 0, singletons = 0, repeated = 0;
        foreach (var k in byConcept.Values)
        {
            var share = (double)k / concepts.Count;
            entropy -= share * Math.Log(share);
            maxCount = Math.Max(maxCount, k);
            singletons += k == 1 ? 1 : 0;
            repeated += k > 2 ? 1 : 0;
        }

        return new ConceptTally(byConcept, entropy, maxCount, singletons, repeated);
    }
}
