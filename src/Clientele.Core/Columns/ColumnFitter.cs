using Clientele.Core.Labels;
using Clientele.Core.Profiles;

namespace Clientele.Core.Columns;

/// <summary>
/// Fits the column schema on the training profiles: the levels of each categorical column (frequency floor, rare
/// values → "other"), then the leakage guard on the training clients' labels (<see cref="LeakageGuard"/>).
/// </summary>
public static class ColumnFitter
{
    /// <summary>
    /// The fitted schema of <paramref name="inferred"/> (from <see cref="ColumnTyper.Infer"/>); <paramref name="isTraining"/>
    /// tells which labelled clients the leakage guard may read for a target (the holdout's test clients never).
    /// </summary>
    public static ColumnSchema Fit(IReadOnlyList<ColumnSpec> inferred, IReadOnlyList<ClientProfile> profiles, LabelSet? labels,
        Func<Target, string, bool>? isTraining, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(inferred);
        ArgumentNullException.ThrowIfNull(profiles);
        var fitted = new List<ColumnSpec>(inferred.Count);
        foreach (var spec in inferred)
        {
            var s = spec;
            if (s.Used && s.Type == ColumnType.Categorical)
            {
                var levels = Levels(s.Name, profiles);
                s = levels.Count == 0 ? s with { Exclusion = ColumnExclusion.TooSparse } : s with { Levels = levels };
            }

            if (s.Used && labels is not null && isTraining is not null)
            {
                s = LeakageGuard.Judge(s, profiles, labels, isTraining, asOf);
            }

            fitted.Add(s);
        }

        return new ColumnSchema(fitted);
    }

    /// <summary>Levels of the clients' latest values with at least the frequency floor, most frequent first (ties by ordinal text).</summary>
    internal static IReadOnlyList<string> Levels(string name, IReadOnlyList<ClientProfile> profiles)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in profiles)
        {
            if (p.Columns is { } cols && cols.IndexOf(name) is var c and >= 0 && ColumnEncoding.Level(cols, c) is { } level)
            {
                counts[level] = counts.GetValueOrDefault(level) + 1;
            }
        }

        var floor = Math.Max(Defaults.CategoricalMinClients, (int)Math.Ceiling(Defaults.CategoricalMinShare * profiles.Count));
        return counts.Where(kv => kv.Value >= floor)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Defaults.CategoricalMaxLevels).Select(kv => kv.Key).ToArray();
    }
}
