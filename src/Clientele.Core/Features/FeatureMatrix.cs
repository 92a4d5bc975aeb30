using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>Dense feature rows for a batch of profiles, built in parallel (each row is independent).</summary>
public static class FeatureMatrix
{
    public static float[][] Build(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, DateOnly? asOf) => Build(featurizer, profiles, null, asOf);

    /// <summary>Rows of <paramref name="profiles"/> with each client's purchases from <paramref name="ledger"/> (null: none).</summary>
    public static float[][] Build(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, History.PurchaseLedger? ledger, DateOnly? asOf)
    {
        var rows = new float[profiles.Count][];
        Fill(featurizer, profiles, ledger, asOf, rows);
        return rows;
    }

    /// <summary>
    /// Writes the rows of <paramref name="profiles"/> into <paramref name="rows"/> (one per profile), reusing the
    /// row arrays already there: batch scoring refills the same buffers instead of allocating a row per client.
    /// </summary>
    public static void Fill(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, DateOnly? asOf, float[][] rows) => Fill(featurizer, profiles, null, asOf, rows);

    /// <summary>As <see cref="Fill(Featurizer, IReadOnlyList{ClientProfile}, DateOnly?, float[][])"/>, with purchases from <paramref name="ledger"/>.</summary>
    public static void Fill(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, History.PurchaseLedger? ledger, DateOnly? asOf, float[][] rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Length, profiles.Count, nameof(rows));
        Parallel.For(0, profiles.Count, () => new Dictionary<ulong, int>(), (i, _, scratch) =>
        {
            var row = rows[i] is { } existing && existing.Length == featurizer.FeatureCount ? existing : new float[featurizer.FeatureCount];
            featurizer.Transform(profiles[i], ledger?.For(profiles[i].ClientId), asOf, row, scratch);
            rows[i] = row;
            return scratch;
        }, _ => { });
    }
}
