using System.Diagnostics;
using Clientele.Core.Errors;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.History;
using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Workflows.Training;

/// <summary>
/// Backtest: trains as in production on data up to the as-of date D only (its own cutoff D − the longest
/// window), scores the clients known at D as of D, and compares with the outcomes after D, side by side with
/// BG/NBD + Gamma-Gamma fitted on data up to D and the trivial baseline, on the same clients: those with a
/// purchase up to D (the ones BTYD can score; the only churn examples too).
/// </summary>
public static class Backtest
{
    /// <summary>Runs the backtest; a transactions file that ends on or before D is an error (nothing to compare with).</summary>
    public static BacktestResult Run(BacktestRequest request, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var data = request.Data;
        var asOf = request.AsOf;
        var newest = data.Ledger.Newest;
        if (newest <= asOf)
        {
            throw new ClienteleInputException(data.Source, null, null, HistoryMessages.NothingAfterAsOf(asOf, newest));
        }

        progress?.Report("prepare training as of the cutoff");
        var set = PurchaseTrainingSet.Prepare(data, asOf, request.Windows);
        progress?.Report("train");
        var trained = TrainModels.Run(set.Request(data, request.Options), progress);

        progress?.Report("score as of " + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var scoring = ClientsAsOf.Of(data, asOf);
        var compared = scoring.Profiles.Where(p => data.Ledger.For(p.ClientId)?.BoughtBy(asOf) == true).ToList();
        var rows = FeatureMatrix.Build(trained.Featurizer, compared, data.Ledger, asOf);
        var btyd = BtydState.Fit(data.Ledger, asOf, request.Windows, data.Source);
        var btydScores = compared.Select(p => btyd.Score(data.Ledger.For(p.ClientId), asOf)!.Value).ToList();
        var actual = compared.Select(p => TransactionOutcomes.For(data.Ledger.For(p.ClientId), asOf, request.Windows)).ToList();

        var evaluator = new Evaluator(request.Options.Seed);
        var targets = new Dictionary<Target, BacktestTarget>();
        foreach (var (target, model) in trained.Models)
        {
            var labels = actual.Select(a => a.Value(target) ?? double.NaN).ToArray();
            var predicted = model.Predict(rows);
            var reference = btydScores.Select(s => Btyd(target, s)).ToArray();
            var trainingMean = set.Labels.ByClient.Values.Select(l => l.Value(target)).OfType<double>().DefaultIfEmpty(0).Average();
            var baseline = labels.Select(_ => Baseline.Prediction(target, trainingMean)).ToArray();
            var binary = Targets.IsBinary(target);
            var difference = PairedBootstrap.Difference(predicted, reference, labels, binary, request.Resamples, request.Options.Seed);
            targets[target] = new BacktestTarget(evaluator.Measure(target, predicted, labels), evaluator.Measure(target, reference, labels),
                evaluator.Measure(target, baseline, labels), binary ? "auc" : "r2", difference);
        }

        return new BacktestResult(targets, compared.Count, scoring.Profiles.Count, set.Cutoff, newest, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The BTYD prediction compared for a target: P(purchase within the horizon), 1 − P(purchase within the churn window), expected spend in the value window.</summary>
    public static double Btyd(Target target, BtydScores scores) => target switch
    {
        Target.Purchased => scores.PurchaseWithinHorizon,
        Target.Churned => 1 - scores.PurchaseWithinChurn,
        _ => scores.ExpectedSpend,
    };
}
