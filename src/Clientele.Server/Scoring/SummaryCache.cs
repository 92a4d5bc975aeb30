using Clientele.Core.Scoring;
using Clientele.Server.Models;
using Clientele.Storage.Store;

namespace Clientele.Server.Scoring;

/// <summary>
/// Computes the dashboard summary from the latest prediction of every client and keeps it until the
/// next write: the dashboard asks for it on every load, the data changes a few times a day.
/// </summary>
public sealed class SummaryCache(IClienteleStore store, ModelRegistry registry)
{
    /// <summary>Call list threshold (brief: high-value clients whose churn risk is at least this).</summary>
    public const double CallListChurn = 0.6;

    private const int Bins = 10;
    private const int TopConceptCount = 15;
    private const int CallListSize = 25;

    private volatile Summary? _cached;

    public void Invalidate() => _cached = null;

    public Summary Get()
    {
        var cached = _cached;
        if (cached is not null && cached.ActiveVersion == registry.Current?.Version)
        {
            return cached;
        }

        var fresh = Compute();
        _cached = fresh;
        return fresh;
    }

    private Summary Compute()
    {
        var latest = store.LatestPredictions();
        var scores = latest.Select(p => p.Score).ToList();
        var purchase = Finite(scores.Select(s => s.PurchaseProb));
        var churn = Finite(scores.Select(s => s.ChurnRisk));
        var clv = Finite(scores.Select(s => s.PredictedClv));
        var clvMax = clv.Count == 0 ? 1 : NiceCeiling(clv.Max());

        var concepts = new Dictionary<string, (ConceptRecord First, int Clients)>(StringComparer.Ordinal);
        foreach (var p in latest)
        {
            foreach (var c in store.GetConcepts(p.ClientId))
            {
                concepts[c.ConceptId] = concepts.TryGetValue(c.ConceptId, out var e) ? (e.First, e.Clients + 1) : (c, 1);
            }
        }

        var callList = scores
            .Where(s => s.ValueSegment is "High" or "VIP" && s.ChurnRisk >= CallListChurn)
            .OrderByDescending(s => s.PredictedClv * s.ChurnRisk).ThenBy(s => s.ClientId, StringComparer.Ordinal)
            .Take(CallListSize)
            .Select(s => new CallListEntry(s.ClientId, store.GetClient(s.ClientId)?.DisplayName ?? string.Empty, ScoreView.From(s)))
            .ToList();

        return new Summary(
            latest.Count,
            Average(purchase, 4),
            Average(churn, 4),
            Average(clv, 2),
            Count(scores, s => s.ValueSegment, Segments.ValueNames),
            Count(scores, s => s.RiskSegment, Segments.RiskNames),
            Bin(purchase, 0, 1),
            Bin(churn, 0, 1),
            Bin(clv, 0, clvMax),
            concepts.Values.OrderByDescending(c => c.Clients).ThenBy(c => c.First.Label, StringComparer.Ordinal).Take(TopConceptCount)
                .Select(c => new ConceptCount(c.First.ConceptId, c.First.Label, c.First.Category, c.Clients)).ToList(),
            callList,
            registry.Current?.Version,
            latest.Count == 0 ? null : latest.Max(p => p.ScoredAt));
    }

    private static List<double> Finite(IEnumerable<double> values) => values.Where(double.IsFinite).ToList();

    private static double? Average(List<double> values, int digits) => values.Count == 0 ? null : Math.Round(values.Average(), digits);

    private static Dictionary<string, int> Count(List<ClientScore> scores, Func<ClientScore, string> key, IReadOnlyList<string> names)
    {
        var counts = names.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        foreach (var s in scores)
        {
            var k = key(s);
            if (counts.TryGetValue(k, out var n))
            {
                counts[k] = n + 1;
            }
        }

        return counts;
    }

    private static Histogram Bin(List<double> values, double min, double max)
    {
        var counts = new int[Bins];
        foreach (var v in values)
        {
            var i = (int)Math.Floor((v - min) / (max - min) * Bins);
            counts[Math.Clamp(i, 0, Bins - 1)]++;
        }

        return new Histogram(min, max, counts);
    }

    /// <summary>Rounds up to 1, 2 or 5 × a power of ten, so CLV bins have readable bounds.</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1, 2, 5, 10 })
        {
            if (m * power >= value)
            {
                return m * power;
            }
        }

        return 10 * power;
    }
}
