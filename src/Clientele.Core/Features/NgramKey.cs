namespace Clientele.Core.Features;

/// <summary>Packs an n-gram of up to three concept indices (21 bits each) into one 64-bit key, with its length.</summary>
internal static class NgramKey
{
    private const int Bits = 21;
    private const ulong Mask = (1UL << Bits) - 1;

    public static ulong Pack(ReadOnlySpan<int> concepts)
    {
        var key = (ulong)concepts.Length;
        for (var i = 0; i < concepts.Length; i++)
        {
            key |= ((ulong)concepts[i] & Mask) << (2 + (i * Bits));
        }

        return key;
    }

    public static int Length(ulong key) => (int)(key & 3);

    public static int At(ulong key, int i) => (int)((key >> (2 + (i * Bits))) & Mask);

    /// <summary>Counts every 1..maxN-gram of the sequence into <paramref name="counts"/>.</summary>
    public static void Count(List<int> sequence, int maxN, Dictionary<ulong, int> counts)
    {
        Span<int> gram = stackalloc int[3];
        for (var i = 0; i < sequence.Count; i++)
        {
            for (var n = 1; n <= maxN && i + n <= sequence.Count; n++)
            {
                gram[n - 1] = sequence[i + n - 1];
                var key = Pack(gram[..n]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
    }
}
