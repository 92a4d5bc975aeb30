using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>Dense feature rows for a batch of profiles, built in parallel (each row is independent).</summary>
public static class FeatureMatrix
{
    public static float[][] Build(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, DateOnly? asOf)
    {
        var rows = new float[profiles.Count][];
        Fill(featurizer, profiles, asOf, rows);
        return rows;
    }

    /// <summary>
    /// Writes the rows of <paramref name="profiles"/> into <paramref name="rows"/> (one per profile), reusing the
    /// row arrays already there: batch scoring refills the same buffers instead of allocating a row per client.
    /// </summary>
    public static void Fill(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, DateOnly? asOf, float[][] rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Length, profiles.Count, nameof(rows));
        Parallel.For(0, profiles.Count, () => new Dictionary<ulong, int>(), (i, _, scratch) =>
        {
            var row = rows[i] is { } existing && existing.Length == featurizer.FeatureCount ? existing : new float[featurizer.FeatureCount];
            featurizer.Transform(profiles[i], asOf, row, scratch);
            rows[i] = row;
            return scratch;
        }, _ => { });
    }
}
