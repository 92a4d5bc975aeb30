namespace Clientele.Core.Features.Blocks;

/// <summary>The weighting the concept terms and the notes' own words share: sublinear TF × IDF, L2-normalised.</summary>
internal static class TfIdf
{
    /// <summary>
    /// Writes <c>(1 + ln count) × idf</c> into the column of every counted key that has one, then scales the
    /// destination to unit length (left at zero when no key has a column).
    /// </summary>
    public static void Write(Dictionary<ulong, int> counts, Dictionary<ulong, int> columns, float[] idf, Span<float> destination)
    {
        double norm = 0;
        foreach (var (key, count) in counts)
        {
            if (columns.TryGetValue(key, out var g))
            {
                var v = (float)((1.0 + Math.Log(count)) * idf[g]);
                destination[g] = v;
                norm += v * v;
            }
        }

        if (norm > 0)
        {
            var inv = (float)(1.0 / Math.Sqrt(norm));
            for (var g = 0; g < destination.Length; g++)
            {
                destination[g] *= inv;
            }
        }
    }
}
