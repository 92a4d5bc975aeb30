namespace Clientele.Core.Training;

/// <summary>The one rule by which a large training set is cut down: a seeded draw of indices, kept in their order.</summary>
internal static class SeededDraw
{
    /// <summary>
    /// <paramref name="max"/> of the indices 0 … <paramref name="count"/> − 1, drawn with <paramref name="seed"/> and
    /// sorted (so rows keep their file order); null when <paramref name="count"/> ≤ <paramref name="max"/> (every index).
    /// </summary>
    public static int[]? Indices(int count, int max, int seed)
    {
        if (count <= max)
        {
            return null;
        }

        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var kept = order[..max];
        Array.Sort(kept);
        return kept;
    }
}
