using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>Dense feature rows for a batch of profiles, built in parallel (each row is independent).</summary>
public static class FeatureMatrix
{
    public static float[][] Build(Featurizer featurizer, IReadOnlyList<ClientProfile> profiles, DateOnly? asOf)
    {
        var rows = new float[profiles.Count][];
        Parallel.For(0, profiles.Count, () => new Dictionary<ulong, int>(), (i, _, scratch) =>
        {
            var row = new float[featurizer.FeatureCount];
            featurizer.Transform(profiles[i], asOf, row, scratch);
            rows[i] = row;
            return scratch;
        }, _ => { });
        return rows;
    }
}
