using Clientele.Core.Bundles;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;
using Microsoft.ML;

namespace Clientele.Core.Scoring;

/// <summary>
/// Scores profiles with a bundle: features in parallel, one batch transform per model and batch, reasons
/// from per-prediction contributions. Stateless apart from the bundle, so replicas and shards agree.
/// </summary>
public sealed class Scorer(ModelBundle bundle)
{
    private readonly ReasonBuilder _reasons = new(bundle.Featurizer);

    public ModelBundle Bundle { get; } = bundle;

    /// <summary>Scores every profile, in batches of <see cref="Defaults.ScoringBatch"/>; results keep the input order.</summary>
    public List<ClientScore> Score(IReadOnlyList<ClientProfile> profiles, DateOnly? asOf = null, bool withReasons = true)
    {
        asOf ??= profiles.Select(p => p.LastDate).Max() ?? Bundle.Featurizer.AsOf;
        var result = new List<ClientScore>(profiles.Count);
        for (var start = 0; start < profiles.Count; start += Defaults.ScoringBatch)
        {
            var batch = profiles.Skip(start).Take(Defaults.ScoringBatch).ToList();
            result.AddRange(ScoreBatch(batch, asOf, withReasons));
        }

        return result;
    }

    private IEnumerable<ClientScore> ScoreBatch(IReadOnlyList<ClientProfile> profiles, DateOnly? asOf, bool withReasons)
    {
        var featurizer = Bundle.Featurizer;
        var rows = FeatureMatrix.Build(featurizer, profiles, asOf);
        // Targets are independent and an ML.NET member scores its batch on one thread, so the targets run side by
        // side, each with its own context (a context is not meant to be shared across threads; scoring draws no
        // random numbers, so the seed changes nothing).
        var models = Bundle.Models.ToList();
        var predicted = new double[models.Count][];
        Parallel.For(0, models.Count, k => predicted[k] = models[k].Value.Predict(new MLContext(Bundle.Metadata.Seed), rows, featurizer.FeatureCount));
        var predictions = new Dictionary<Target, double[]>();
        for (var k = 0; k < models.Count; k++)
        {
            predictions[models[k].Key] = predicted[k];
        }

        // Reasons cost more than the predictions (a pass over every feature per row and target) and rows are
        // independent; contributions go through one buffer per worker instead of an array per row and target.
        var reasonTexts = new string[profiles.Count];
        if (withReasons)
        {
            var width = models.Select(m => m.Value.Forest?.FeatureCount ?? 0).Append(featurizer.FeatureCount).Max();
            Parallel.For(0, profiles.Count, () => new float[width], (i, _, buffer) =>
            {
                reasonTexts[i] = Reasons(buffer, rows[i], profiles[i]);
                return buffer;
            }, _ => { });
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            var purchase = Get(predictions, Target.Purchased, i);
            var churn = Get(predictions, Target.Churned, i);
            var clv = Get(predictions, Target.LifetimeValue, i);
            var reasons = withReasons ? reasonTexts[i] : string.Empty;
            yield return new ClientScore(profiles[i].ClientId, purchase, purchase >= Defaults.DecisionThreshold, churn, churn >= Defaults.DecisionThreshold,
                clv, Segments.Value(clv), Segments.Risk(churn), reasons);
        }
    }

    private string Reasons(float[] buffer, float[] row, ClientProfile profile)
    {
        var parts = new List<string>(3);
        foreach (var target in Targets.All)
        {
            if (Bundle.Models.TryGetValue(target, out var model) && model.Contributions(row, buffer))
            {
                var text = _reasons.Build(buffer.AsSpan(0, model.Forest!.FeatureCount), row, profile);
                if (text.Length > 0)
                {
                    parts.Add(Label(target) + ": " + text);
                }
            }
        }

        return string.Join("; ", parts);
    }

    private static string Label(Target t) => t switch
    {
        Target.Purchased => "purchase",
        Target.Churned => "churn",
        _ => "value",
    };

    private static double Get(Dictionary<Target, double[]> p, Target t, int i) => p.TryGetValue(t, out var v) ? v[i] : double.NaN;
}
