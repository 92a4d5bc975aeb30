using Clientele.Core.Labels;
using Clientele.Core.Profiles;

namespace Clientele.Core.Columns;

/// <summary>
/// Scores one column alone against each target on the training clients — AUC for purchase and churn, R² for value
/// (linear for numbers and dates, group means over the fitted levels for a category) — and leaves out a column
/// that predicts a target almost perfectly (<see cref="Defaults.LeakageAuc"/>, <see cref="Defaults.LeakageR2"/>):
/// it is probably derived from the outcome. <c>--force-column</c> keeps it, still reported.
/// </summary>
public static class LeakageGuard
{
    /// <summary><paramref name="spec"/> with its best single-column score and, when it leaks and is not forced, excluded.</summary>
    public static ColumnSpec Judge(ColumnSpec spec, IReadOnlyList<ClientProfile> profiles, LabelSet labels, Func<Target, string, bool> isTraining, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(isTraining);
        double? worst = null;
        string? worstTarget = null;
        var worstRatio = double.NegativeInfinity;
        var leaks = false;
        foreach (var target in labels.Targets())
        {
            var x = new List<double>();
            var y = new List<double>();
            foreach (var p in profiles)
            {
                var cols = p.Columns;
                var c = cols?.IndexOf(spec.Name) ?? -1;
                if (c < 0 || labels.For(p.ClientId)?.Value(target) is not { } value || !isTraining(target, p.ClientId) || Encode(spec, cols!, c) is not { } v)
                {
                    continue;
                }

                x.Add(v);
                y.Add(value);
            }

            if (x.Count < Defaults.LeakageMinClients)
            {
                continue;
            }

            if (spec.Type == ColumnType.Categorical)
            {
                GroupMeans(x, y);
            }

            var binary = Targets.IsBinary(target);
            var score = binary ? Auc(x, y) : RSquared(x, y);
            var limit = binary ? Defaults.LeakageAuc : Defaults.LeakageR2;
            // The reported score is the one closest to its limit, so AUC and R² compare on one scale.
            if (score / limit > worstRatio)
            {
                worstRatio = score / limit;
                worst = score;
                worstTarget = Targets.Name(target);
            }

            leaks |= score >= limit;
        }

        var excluded = leaks && !spec.Forced;
        return spec with { LeakageScore = worst, LeakageTarget = worstTarget, Exclusion = excluded ? ColumnExclusion.Leakage : spec.Exclusion };
    }

    /// <summary>The column's value for the guard: a number, a day number, or the index of the fitted level ("other" after them).</summary>
    private static double? Encode(ColumnSpec spec, ClientColumns cols, int c) => spec.Type switch
    {
        ColumnType.Numeric => cols.Mean(c),
        ColumnType.Date => ColumnEncoding.Date(cols, c)?.DayNumber,
        _ => ColumnEncoding.Level(cols, c) is { } level ? LevelIndex(spec, level) : null,
    };

    private static double LevelIndex(ColumnSpec spec, string level)
    {
        for (var i = 0; i < spec.Levels.Count; i++)
        {
            if (string.Equals(spec.Levels[i], level, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return spec.Levels.Count;
    }

    /// <summary>Replaces each group key in <paramref name="x"/> by its group's mean of <paramref name="y"/>: a category's best single-column predictor.</summary>
    private static void GroupMeans(List<double> x, List<double> y)
    {
        var sums = new Dictionary<double, (double Sum, int Count)>();
        for (var i = 0; i < x.Count; i++)
        {
            var (s, n) = sums.GetValueOrDefault(x[i]);
            sums[x[i]] = (s + y[i], n + 1);
        }

        for (var i = 0; i < x.Count; i++)
        {
            var (s, n) = sums[x[i]];
            x[i] = s / n;
        }
    }

    /// <summary>Rank AUC of <paramref name="x"/> for the positives of <paramref name="y"/>, either direction (max(AUC, 1 − AUC)); ties count half.</summary>
    internal static double Auc(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var order = Enumerable.Range(0, x.Count).OrderBy(i => x[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && x[order[j]] == x[order[i]])
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0; // mean 1-based rank of the tie group
            for (var k = i; k < j; k++)
            {
                if (y[order[k]] > 0.5)
                {
                    rankSum += rank;
                    positives++;
                }
            }

            i = j;
        }

        var negatives = x.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return 0.5;
        }

        var auc = (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
        return Math.Max(auc, 1 - auc);
    }

    /// <summary>R² of the least-squares line of <paramref name="y"/> on <paramref name="x"/> (the squared correlation).</summary>
    internal static double RSquared(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx <= 0 || syy <= 0 ? 0 : sxy * sxy / (sxx * syy);
    }
}
