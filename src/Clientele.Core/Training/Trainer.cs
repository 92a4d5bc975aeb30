using System.Collections.Concurrent;
using System.Diagnostics;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Training;

/// <summary>
/// Fits the featurizer, then per target: splits (holdout file or seeded stratified 80/20), trains the
/// tier's members in parallel (one single-threaded ML.NET trainer each), calibrates the forest on
/// out-of-fold scores (Elite), and measures model, baseline and best possible on the test clients.
/// </summary>
public static class Trainer
{
    public static TrainedModel Train(IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, LabelSet labels,
        HoldoutSplit? holdout, TrainingOptions options, IProgress<string>? progress = null)
    {
        var report = new TrainingReport
        {
            Tier = options.Tier.ToString().ToLowerInvariant(),
            LabelSource = labels.Source,
            ClassWeights = options.ClassWeights.ToString().ToLowerInvariant(),
            Clients = profiles.Count,
            LabelledClients = profiles.Count(p => labels.For(p.ClientId) is not null),
            UnlabelledClients = profiles.Count(p => labels.For(p.ClientId) is null),
        };
        var clock = Stopwatch.StartNew();
        progress?.Report("features");
        var featurizer = FeaturizerOptions.For(options.Tier).Fit(profiles, lexicon, options.AsOf);
        var matrix = FeatureMatrix.Build(featurizer, profiles, options.AsOf);
        report.Seconds["features"] = clock.Elapsed.TotalSeconds;
        report.FeatureCount = featurizer.FeatureCount;

        var targets = labels.Targets();
        holdout ??= HoldoutSplit.Stratified(
            targets.SelectMany(t => profiles.Select(p => (p.ClientId, t, labels.For(p.ClientId)?.Value(t))).Where(x => x.Item3 is not null).Select(x => (x.ClientId, x.t, x.Item3!.Value))),
            options.Seed);

        var models = new ConcurrentDictionary<Target, TargetModel>();
        var reports = new ConcurrentDictionary<Target, TargetReport>();
        Parallel.ForEach(targets, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(options.Parallelism, targets.Count)) }, target =>
        {
            progress?.Report("train " + Targets.Name(target));
            var (model, targetReport) = TrainTarget(target, profiles, labels, holdout, matrix, featurizer.FeatureCount, options);
            models[target] = model;
            reports[target] = targetReport;
        });

        foreach (var t in targets)
        {
            report.Targets[t] = reports[t];
            report.Seconds["train_" + Targets.Name(t)] = reports[t].Seconds;
        }

        report.Seconds["train_total"] = clock.Elapsed.TotalSeconds - report.Seconds["features"];
        return new TrainedModel(featurizer, targets.ToDictionary(t => t, t => models[t]), report);
    }

    private static (TargetModel, TargetReport) TrainTarget(Target target, IReadOnlyList<ClientProfile> profiles, LabelSet labels,
        HoldoutSplit holdout, float[][] matrix, int featureCount, TrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var train = new List<int>();
        var test = new List<int>();
        var y = new float[profiles.Count];
        for (var i = 0; i < profiles.Count; i++)
        {
            var value = labels.For(profiles[i].ClientId)?.Value(target);
            if (value is null)
            {
                continue;
            }

            y[i] = (float)value.Value;
            (holdout.IsTest(target, profiles[i].ClientId) ? test : train).Add(i);
        }

        var trainTable = new FeatureTable(train.Select(i => matrix[i]).ToArray(), train.Select(i => y[i]).ToArray(), featureCount);
        var model = Fit(target, trainTable, options);
        var seconds = clock.Elapsed.TotalSeconds;

        var ml = new MLContext(options.Seed);
        var testRows = test.Select(i => matrix[i]).ToArray();
        var testY = test.Select(i => (double)y[i]).ToArray();
        var predictions = model.Predict(ml, testRows, featureCount);
        var metrics = Measure(ml, target, predictions, testY);
        var trainMean = train.Count > 0 ? train.Average(i => (double)y[i]) : 0;
        var baselinePrediction = Targets.IsBinary(target) ? Math.Round(trainMean) is 1 ? Math.Max(trainMean, 0.5) : Math.Min(trainMean, 0.4999) : trainMean;
        var baseline = Measure(ml, target, testY.Select(_ => baselinePrediction).ToArray(), testY);
        TargetMetrics? best = null;
        var truth = test.Select(i => labels.For(profiles[i].ClientId)?.Truth(target)).ToArray();
        if (test.Count > 0 && truth.All(t => t is not null))
        {
            best = Measure(ml, target, truth.Select(t => t!.Value).ToArray(), testY);
        }

        TargetMetrics? learnable = null;
        var learnableValues = test.Select(i => labels.For(profiles[i].ClientId)?.Learnable(target)).ToArray();
        if (test.Count > 0 && learnableValues.All(t => t is not null))
        {
            learnable = Measure(ml, target, learnableValues.Select(t => t!.Value).ToArray(), testY);
        }

        var members = new Dictionary<string, TargetMetrics>();
        if (model.Members.Count > 1 && testRows.Length > 0)
        {
            var view = FeatureTable.ToDataView(ml, testRows, null, featureCount);
            foreach (var m in model.Members)
            {
                members[m.Kind.ToString().ToLowerInvariant()] = Measure(ml, target, model.MemberOutput(m, testRows, view), testY) with { Seconds = m.Seconds, Weight = m.Weight / model.Members.Sum(x => x.Weight) };
            }
        }

        IReadOnlyDictionary<string, MeanSd>? cv = null;
        if (options.Folds >= 2)
        {
            var all = train.Concat(test).Order().ToList();
            cv = CrossValidate(target, all, matrix, y, featureCount, options);
        }

        return (model, new TargetReport
        {
            Metrics = metrics,
            Baseline = baseline,
            BestPossible = best,
            LearnableCeiling = learnable,
            Members = members,
            CrossValidation = cv,
            Reliability = Targets.IsBinary(target) ? ReliabilityTable.Compute(predictions, testY) : null,
            TrainCount = train.Count,
            TestCount = test.Count,
            Seconds = seconds,
        });
    }

    /// <summary>
    /// Trains every member of the tier for one target on <paramref name="table"/>. With several members (Elite), the
    /// forest's Platt calibration and the vote weights are fitted on out-of-sample outputs of every member: the
    /// forest's out-of-bag predictions and the other members' out-of-fold outputs (see <see cref="Weigh"/>).
    /// </summary>
    public static TargetModel Fit(Target target, FeatureTable table, TrainingOptions options)
    {
        var kinds = options.Members;
        var balanced = Balanced(target, options);
        var folds = kinds.Count > 1 ? OutOfFoldAssignment(target, table, options) : null;
        var k = folds is null ? 0 : Defaults.OutOfFoldFolds;
        // One job list, final members first (the forest, the longest, leads), then every other member once per fold:
        // no core idles at a barrier between the final fits and the out-of-fold fits.
        var jobs = Enumerable.Range(0, kinds.Count).Select(m => (Member: m, Fold: -1))
            .Concat(Enumerable.Range(0, k).SelectMany(f => Enumerable.Range(0, kinds.Count).Where(m => kinds[m] != MemberKind.Forest).Select(m => (Member: m, Fold: f))))
            .ToList();
        var finals = new (EnsembleMember Member, double[]? OutOfBag)[kinds.Count];
        var outputs = kinds.Select(kind => folds is not null && kind != MemberKind.Forest ? new double[table.Count] : null).ToArray();
        Parallel.ForEach(
            Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            job =>
            {
                if (job.Fold < 0)
                {
                    // Without out-of-fold outputs (too few clients) only the forest, recalibrated out of bag, is weighted.
                    var weighted = balanced && (kinds[job.Member] == MemberKind.Forest || folds is not null);
                    finals[job.Member] = FitMember(kinds[job.Member], target, table, options, keepOutOfBag: folds is not null || balanced, weighted);
                }
                else
                {
                    ScoreOutOfFold(kinds[job.Member], target, table, folds!, job.Fold, options, outputs[job.Member]!, balanced);
                }
            });

        var members = finals.Select(f => f.Member).ToList();
        for (var m = 0; m < kinds.Count; m++)
        {
            outputs[m] ??= finals[m].OutOfBag;
        }

        if (folds is null || outputs.Any(o => o is null))
        {
            // No vote weights (Fast, or too few clients): a class-weighted forest is still recalibrated on its out-of-bag scores.
            for (var m = 0; m < members.Count && balanced; m++)
            {
                if (members[m].Forest is not null && finals[m].OutOfBag is { } outOfBag)
                {
                    members[m] = Recalibrate(members[m], outOfBag, table.Labels).Member;
                }
            }

            return new TargetModel(target, members);
        }

        return new TargetModel(target, Weigh(target, table, members, outputs!, calibrateAll: balanced));
    }

    /// <summary>Class weights apply to purchase and churn only: CLV has no classes.</summary>
    private static bool Balanced(Target target, TrainingOptions options) =>
        options.ClassWeights == ClassWeighting.Balanced && Targets.IsBinary(target);

    /// <summary>Platt scaling of one member on its out-of-sample outputs; returns the member and its recalibrated outputs.</summary>
    private static (EnsembleMember Member, double[] Outputs) Recalibrate(EnsembleMember member, double[] outputs, float[] labels)
    {
        var platt = PlattCalibrator.Fit(outputs.Select(v => (float)v).ToArray(), labels);
        if (platt.IsIdentity || !double.IsFinite(platt.A) || !double.IsFinite(platt.B))
        {
            return (member, outputs);
        }

        return (member with { Calibration = platt }, outputs.Select(v => Math.Clamp(platt.Apply(v), 0, 1)).ToArray());
    }

    /// <summary>
    /// Seeded fold of every training client for the out-of-fold outputs, or null when the vote stays a plain mean:
    /// too few clients, or a class too rare to appear in every fold.
    /// </summary>
    private static int[]? OutOfFoldAssignment(Target target, FeatureTable table, TrainingOptions options)
    {
        var binary = Targets.IsBinary(target);
        var positives = table.Labels.Count(v => v > 0.5f);
        if (table.Count < Defaults.MinClientsForVoteWeights || (binary && Math.Min(positives, table.Count - positives) < Defaults.OutOfFoldFolds))
        {
            return null;
        }

        return Folds.Assign(binary ? table.Labels : new float[table.Count], Defaults.OutOfFoldFolds, options.Seed);
    }

    /// <summary>Fits <paramref name="kind"/> on every fold but <paramref name="fold"/> and writes its outputs for that fold.</summary>
    private static void ScoreOutOfFold(MemberKind kind, Target target, FeatureTable table, int[] folds, int fold, TrainingOptions options, double[] output, bool balanced)
    {
        var trainIdx = Enumerable.Range(0, table.Count).Where(i => folds[i] != fold).ToList();
        var testIdx = Enumerable.Range(0, table.Count).Where(i => folds[i] == fold).ToArray();
        var (member, _) = FitMember(kind, target, table.Subset(trainIdx), options with { Seed = options.Seed + fold + 1 }, keepOutOfBag: false, balanced);
        var rows = testIdx.Select(i => table.Rows[i]).ToArray();
        var view = member.Model is null ? null : FeatureTable.ToDataView(new MLContext(options.Seed), rows, null, table.FeatureCount);
        var scores = new TargetModel(target, [member]).MemberOutput(member, rows, view);
        for (var j = 0; j < testIdx.Length; j++)
        {
            output[testIdx[j]] = scores[j];
        }
    }

    private static (EnsembleMember Member, double[]? OutOfBag) FitMember(MemberKind kind, Target target, FeatureTable table, TrainingOptions options, bool keepOutOfBag,
        bool balanced)
    {
        var clock = Stopwatch.StartNew();
        if (kind == MemberKind.Forest)
        {
            var forestOptions = Learners.Forest(options.Tier, target, options.Seed, options.Parallelism, balanced);
            var (forest, outOfBag) = keepOutOfBag ? forestOptions.FitWithOutOfBag(table.Rows, table.Labels) : (forestOptions.Fit(table.Rows, table.Labels), null);
            return (EnsembleMember.OfForest(forest, PlattCalibrator.Identity) with { Seconds = clock.Elapsed.TotalSeconds }, outOfBag);
        }

        var ml = new MLContext(options.Seed);
        if (kind == MemberKind.Linear && !Targets.IsBinary(target))
        {
            var mean = table.Labels.Average(v => (double)v);
            var sd = Math.Sqrt(table.Labels.Average(v => (v - mean) * (v - mean)));
            sd = sd > 0 ? sd : 1;
            var scaled = new FeatureTable(table.Rows, table.Labels.Select(v => (float)((v - mean) / sd)).ToArray(), table.FeatureCount);
            var model = Learners.Create(ml, kind, target, options.Seed).Fit(scaled.ToDataView(ml));
            return (EnsembleMember.OfMlNet(kind, model) with { LabelMean = mean, LabelScale = sd, Seconds = clock.Elapsed.TotalSeconds }, null);
        }

        var view = kind == MemberKind.Boosting ? table.ToDataViewForTrees(ml, Defaults.BoostingMinLeaf)
            : balanced ? table.ToBalancedDataView(ml) : table.ToDataView(ml);
        return (EnsembleMember.OfMlNet(kind, Learners.Create(ml, kind, target, options.Seed, balanced).Fit(view)) with { Seconds = clock.Elapsed.TotalSeconds }, null);
    }

    /// <summary>
    /// Platt scaling of the forest on its out-of-bag scores (in-sample forest scores are overconfident), then the vote
    /// weights on every member's calibrated out-of-sample outputs (<see cref="VoteWeights"/>).
    /// </summary>
    private static List<EnsembleMember> Weigh(Target target, FeatureTable table, List<EnsembleMember> members, double[][] outputs, bool calibrateAll)
    {
        var binary = Targets.IsBinary(target);
        var result = new List<EnsembleMember>(members);
        for (var m = 0; m < members.Count; m++)
        {
            // The forest always (its leaf frequencies are not probabilities); every member when classes were weighted,
            // since weighting shifts each member's probabilities towards the rarer class.
            if (binary && (members[m].Forest is not null || calibrateAll))
            {
                (result[m], outputs[m]) = Recalibrate(result[m], outputs[m], table.Labels);
            }
        }

        var weights = VoteWeights.Fit(outputs, table.Labels, binary);
        return result.Select((member, m) => member with { Weight = weights[m] }).ToList();
    }

    private static IReadOnlyDictionary<string, MeanSd> CrossValidate(Target target, List<int> all, float[][] matrix, float[] y, int featureCount, TrainingOptions options)
    {
        var labels = all.Select(i => y[i]).ToArray();
        var folds = Targets.IsBinary(target) ? Folds.Assign(labels, options.Folds, options.Seed) : Folds.Assign(new float[labels.Length], options.Folds, options.Seed);
        var perFold = new List<TargetMetrics>();
        for (var k = 0; k < options.Folds; k++)
        {
            var tr = Enumerable.Range(0, all.Count).Where(j => folds[j] != k).ToList();
            var te = Enumerable.Range(0, all.Count).Where(j => folds[j] == k).ToList();
            var table = new FeatureTable(tr.Select(j => matrix[all[j]]).ToArray(), tr.Select(j => labels[j]).ToArray(), featureCount);
            var model = Fit(target, table, options);
            var ml = new MLContext(options.Seed);
            var p = model.Predict(ml, te.Select(j => matrix[all[j]]).ToArray(), featureCount);
            perFold.Add(Measure(ml, target, p, te.Select(j => (double)labels[j]).ToArray()));
        }

        var result = new Dictionary<string, MeanSd>(StringComparer.Ordinal);
        void Add(string name, Func<TargetMetrics, double?> get)
        {
            var values = perFold.Select(get).Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (values.Length > 0)
            {
                result[name] = MeanSd.Of(values);
            }
        }

        if (Targets.IsBinary(target))
        {
            Add("accuracy", m => m.Accuracy);
            Add("auc", m => m.Auc);
            Add("logloss", m => m.LogLoss);
            Add("brier", m => m.Brier);
        }
        else
        {
            Add("r2", m => m.R2);
            Add("rmse", m => m.Rmse);
            Add("mae", m => m.Mae);
        }

        return result;
    }

    public static TargetMetrics Measure(MLContext ml, Target target, IReadOnlyList<double> predictions, IReadOnlyList<double> labels) =>
        Targets.IsBinary(target) ? MetricsCalculator.Binary(ml, predictions, labels) : MetricsCalculator.Regression(ml, predictions, labels);
}
