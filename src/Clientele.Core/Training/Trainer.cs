using System.Collections.Concurrent;
using System.Diagnostics;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Training;

/// <summary>
/// Fits the featurizer, then per target: splits (holdout file or seeded stratified 80/20), fits the tier's
/// members in parallel (<see cref="TierRecipe"/>, <see cref="LearnerRegistry"/>), calibrates them on out-of-sample
/// outputs and weighs their votes. Measuring is the <see cref="Evaluator"/>'s; <see cref="Train(IReadOnlyList{ClientProfile}, ConceptLexicon, LabelSet, HoldoutSplit?, TrainingOptions, IProgress{string}?)"/> composes both.
/// </summary>
public static class Trainer
{
    /// <summary>Fits every target's model and measures it on the holdout (and by cross-validation with <see cref="TrainingOptions.Folds"/>).</summary>
    public static TrainedModel Train(IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, LabelSet labels,
        HoldoutSplit? holdout, TrainingOptions options, IProgress<string>? progress = null) => Train(profiles, lexicon, labels, holdout, options, null, progress);

    /// <summary>
    /// As <see cref="Train(IReadOnlyList{ClientProfile}, ConceptLexicon, LabelSet, HoldoutSplit?, TrainingOptions, IProgress{string}?)"/>,
    /// with purchase history: the purchase block (BTYD fitted by the caller on data up to the cutoff) joins the features,
    /// read from <paramref name="purchases"/> as of <see cref="TrainingOptions.AsOf"/>, and the BTYD baseline joins the report.
    /// </summary>
    public static TrainedModel Train(IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, LabelSet labels,
        HoldoutSplit? holdout, TrainingOptions options, PurchaseTraining? purchases, IProgress<string>? progress = null)
    {
        options = purchases is null ? options : options with { Purchases = true };
        var given = profiles;
        profiles = Sampled(profiles, options);
        var report = new TrainingReport
        {
            SampledClients = ReferenceEquals(profiles, given) ? null : profiles.Count,
            Tier = options.Tier.ToString().ToLowerInvariant(),
            LabelSource = labels.Source,
            ClassWeights = options.ClassWeights.ToString().ToLowerInvariant(),
            Clients = given.Count,
            LabelledClients = given.Count(p => labels.For(p.ClientId) is not null),
            UnlabelledClients = given.Count(p => labels.For(p.ClientId) is null),
        };
        var clock = Stopwatch.StartNew();
        progress?.Report("features");
        var targets = labels.Targets();
        holdout ??= HoldoutSplit.Stratified(
            targets.SelectMany(t => profiles.Select(p => (p.ClientId, t, labels.For(p.ClientId)?.Value(t))).Where(x => x.Item3 is not null).Select(x => (x.ClientId, x.t, x.Item3!.Value))),
            options.Seed);
        var split = holdout;
        var supervision = new TextSupervision(
            profiles.Select(p => !targets.Any(t => split.IsTest(t, p.ClientId))).ToArray(),
            targets.Select(t => (IReadOnlyList<double?>)profiles.Select(p => labels.For(p.ClientId)?.Value(t)).ToArray()).ToArray());
        var featureOptions = FeaturizerOptions.For(options.Tier) with { IncludeSensitive = options.IncludeSensitive };
        featureOptions = options.TextChannel ? featureOptions : featureOptions with { MaxTextGrams = 0 };
        var featurizer = featureOptions.Fit(profiles, lexicon, options.AsOf, supervision);
        featurizer = purchases is null ? featurizer : featurizer.WithPurchases(purchases.Btyd);
        var schema = FitColumns(profiles, labels, holdout, options);
        featurizer = schema is null ? featurizer : featurizer.WithColumns(schema);
        report.Schema = schema;
        var purchaseColumns = purchases is null ? null
            : Columns.TransactionColumnFitter.Fit(purchases.Ledger, id => !targets.Any(t => split.IsTest(t, id)), options.AsOf ?? purchases.Btyd.FittedAsOf);
        // No used column, no block: the features stay exactly those of transactions without extra columns.
        featurizer = purchaseColumns is null || !purchaseColumns.Used.Any() ? featurizer : featurizer.WithPurchaseColumns(purchaseColumns);
        report.PurchaseColumns = purchaseColumns;
        var matrix = FeatureMatrix.Build(featurizer, profiles, purchases?.Ledger, options.AsOf);
        var names = purchases is null ? null : featurizer.Features.Select(f => f.Name).ToArray();
        report.Seconds["features"] = clock.Elapsed.TotalSeconds;
        report.FeatureCount = featurizer.FeatureCount;

        var models = new ConcurrentDictionary<Target, TargetModel>();
        var reports = new ConcurrentDictionary<Target, TargetReport>();
        Parallel.ForEach(targets, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(options.Parallelism, targets.Count)) }, target =>
        {
            progress?.Report("train " + Targets.Name(target));
            var (model, targetReport) = TrainTarget(target, profiles, labels, holdout, matrix, featurizer.FeatureCount, names, options);
            models[target] = model;
            reports[target] = targetReport;
        });

        foreach (var t in targets)
        {
            report.Targets[t] = reports[t];
            report.Seconds["train_" + Targets.Name(t)] = reports[t].Seconds;
        }

        report.Seconds["train_total"] = clock.Elapsed.TotalSeconds - report.Seconds["features"];
        report.Holdout = purchases is null ? null : Holdout(purchases);
        var trained = targets.ToDictionary(t => t, t => models[t]);
        return new TrainedModel(featurizer, trained, report)
        {
            Segments = FitSegments(profiles, labels, matrix, trained, options),
        };
    }

    /// <summary>
    /// The segment cut points: quantiles of the CLV model's predictions on every training client (labelled or not,
    /// the population the maison scores) and the churn rate of the labelled clients.
    /// </summary>
    private static Scoring.SegmentRule FitSegments(IReadOnlyList<ClientProfile> profiles, LabelSet labels, float[][] matrix,
        Dictionary<Target, TargetModel> models, TrainingOptions options)
    {
        var clv = models.TryGetValue(Target.LifetimeValue, out var value) && options.Segments.ValueBounds is null ? value.Predict(matrix) : [];
        var churned = profiles.Select(p => labels.For(p.ClientId)?.Value(Target.Churned)).Where(v => v is not null).Select(v => v!.Value).ToList();
        var rate = models.ContainsKey(Target.Churned) && churned.Count > 0 ? churned.Average() : double.NaN;
        return options.Segments.Fit(clv, rate);
    }

    /// <summary>
    /// The extra columns typed (overrides applied), their levels fitted and the leakage guard run on the training
    /// clients of each target; null when the notes have no extra column (the featurizer is then exactly as before).
    /// </summary>
    private static Columns.ColumnSchema? FitColumns(IReadOnlyList<ClientProfile> profiles, LabelSet labels, HoldoutSplit holdout, TrainingOptions options)
    {
        var inferred = Columns.ColumnTyper.Infer(profiles, options.Columns, options.ColumnSource);
        return inferred.Count == 0 ? null : Columns.ColumnFitter.Fit(inferred, profiles, labels, (t, id) => !holdout.IsTest(t, id), options.AsOf);
    }

    private static (TargetModel, TargetReport) TrainTarget(Target target, IReadOnlyList<ClientProfile> profiles, LabelSet labels,
        HoldoutSplit holdout, float[][] matrix, int featureCount, string[]? names, TrainingOptions options)
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

        var trainTable = new FeatureTable(train.Select(i => matrix[i]).ToArray(), train.Select(i => y[i]).ToArray(), featureCount) { Names = names };
        var model = Fit(target, trainTable, options);
        var seconds = clock.Elapsed.TotalSeconds;

        var evaluator = new Evaluator(options.Seed);
        var testRows = test.Select(i => matrix[i]).ToArray();
        var testY = test.Select(i => (double)y[i]).ToArray();
        var trainMean = train.Count > 0 ? train.Average(i => (double)y[i]) : 0;
        var report = evaluator.Test(target, model.Predict(testRows), testY, trainMean,
            test.Select(i => labels.For(profiles[i].ClientId)?.Truth(target)).ToArray(),
            test.Select(i => labels.For(profiles[i].ClientId)?.Learnable(target)).ToArray());

        IReadOnlyDictionary<string, MeanSd>? cv = null;
        if (options.Folds >= 2)
        {
            var all = train.Concat(test).Order().ToList();
            var table = new FeatureTable(all.Select(i => matrix[i]).ToArray(), all.Select(i => y[i]).ToArray(), featureCount) { Names = names };
            cv = evaluator.CrossValidate(target, table, options.Folds, fold => Fit(target, fold, options));
        }

        return (model, report with
        {
            Members = evaluator.Members(model, testRows, testY),
            Btyd = names is null ? null : evaluator.Measure(target, BtydBaseline(target, trainTable, testRows, options), testY),
            CrossValidation = cv,
            TrainCount = train.Count,
            Seconds = seconds,
        });
    }

    /// <summary>
    /// The field's holdout check of the BG/NBD model the bundle keeps: fitted as of the cutoff, its expected purchases
    /// in the windows' longest span after it (up to the as-of date) against what the clients did; null when no client
    /// bought by the cutoff.
    /// </summary>
    private static History.HoldoutCheck? Holdout(PurchaseTraining purchases)
    {
        var daily = purchases.Ledger.DailyNets().ToList();
        var calibration = History.RfmSummary.Compute(daily, purchases.Btyd.FittedAsOf);
        return calibration.Rows.Count == 0 ? null : History.HoldoutCheck.Run(calibration, daily, purchases.Btyd.Windows.Longest, purchases.Btyd.BgNbd);
    }

    /// <summary>
    /// Fits every member of the tier for one target on <paramref name="table"/>. With several members (Elite), the
    /// forest's Platt calibration and the vote weights are fitted on out-of-sample outputs of every member: the
    /// forest's out-of-bag predictions and the other members' out-of-fold outputs (see <see cref="Weigh"/>).
    /// </summary>
    public static TargetModel Fit(Target target, FeatureTable table, TrainingOptions options)
    {
        var learners = options.Recipe.Learners;
        var balanced = Balanced(target, options);
        var folds = learners.Count > 1 ? OutOfFoldAssignment(target, table, options) : null;
        var k = folds is null ? 0 : table.Count >= options.OneOutOfFoldSplitFrom ? 1 : Defaults.OutOfFoldFolds;
        // One job list, final members first (the forest, the longest, leads), then every other member once per fold:
        // no core idles at a barrier between the final fits and the out-of-fold fits.
        // A member that scores its training rows out of bag needs no out-of-fold fits.
        var jobs = Enumerable.Range(0, learners.Count).Select(m => (Member: m, Fold: -1))
            .Concat(Enumerable.Range(0, k).SelectMany(f => Enumerable.Range(0, learners.Count).Where(m => !learners[m].ScoresOutOfBag).Select(m => (Member: m, Fold: f))))
            .ToList();
        var finals = new (EnsembleMember Member, double[]? OutOfBag)[learners.Count];
        var outputs = learners.Select(l => folds is not null && !l.ScoresOutOfBag ? new double[table.Count] : null).ToArray();
        Parallel.ForEach(
            Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            job =>
            {
                if (job.Fold < 0)
                {
                    // Without out-of-fold outputs (too few clients) only a member recalibrated out of bag (the forest) is weighted.
                    var weighted = balanced && (learners[job.Member].ScoresOutOfBag || folds is not null);
                    finals[job.Member] = FitMember(learners[job.Member], target, table, options, keepOutOfBag: folds is not null || balanced, weighted);
                }
                else
                {
                    ScoreOutOfFold(learners[job.Member], target, table, folds!, job.Fold, options, outputs[job.Member]!, balanced);
                }
            });

        var members = finals.Select(f => f.Member).ToList();
        for (var m = 0; m < learners.Count; m++)
        {
            outputs[m] ??= finals[m].OutOfBag;
        }

        if (folds is null || outputs.Any(o => o is null))
        {
            // No vote weights (Fast, or too few clients): a class-weighted forest is still recalibrated on its out-of-bag scores.
            for (var m = 0; m < members.Count && balanced; m++)
            {
                if (finals[m].OutOfBag is { } outOfBag)
                {
                    members[m] = Recalibrate(members[m], outOfBag, table.Labels).Member;
                }
            }

            return new TargetModel(target, members);
        }

        if (k == Defaults.OutOfFoldFolds)
        {
            return new TargetModel(target, Weigh(target, table.Labels, learners, members, outputs!, calibrateAll: balanced));
        }

        // One split scored (a large training set): the weights and calibration see only the clients it scored.
        var scored = Enumerable.Range(0, table.Count).Where(i => folds[i] < k).ToArray();
        var labels = scored.Select(i => table.Labels[i]).ToArray();
        var scoredOutputs = outputs.Select(o => scored.Select(i => o![i]).ToArray()).ToArray();
        return new TargetModel(target, Weigh(target, labels, learners, members, scoredOutputs, calibrateAll: balanced));
    }

    /// <summary>
    /// Past <see cref="TrainingOptions.MaxClients"/> clients, a seeded draw of that many in their order (a given
    /// holdout keeps those of its clients drawn); under it, the list itself.
    /// </summary>
    private static IReadOnlyList<ClientProfile> Sampled(IReadOnlyList<ClientProfile> profiles, TrainingOptions options)
    {
        if (options.MaxClients < 1)
        {
            throw new ArgumentException($"MaxClients {options.MaxClients} must be at least 1.", nameof(options));
        }

        return SeededDraw.Indices(profiles.Count, options.MaxClients, options.Seed) is { } kept ? kept.Select(i => profiles[i]).ToList() : profiles;
    }

    /// <summary>The BTYD member fitted on the training rows, scored on the holdout rows: the baseline every report shows beside the tier.</summary>
    private static double[] BtydBaseline(Target target, FeatureTable train, float[][] test, TrainingOptions options)
    {
        var fit = new BtydLearner().Fit(train, target, new LearnerContext(options.Tier, options.Seed, 1, false, false));
        var output = new double[test.Length];
        fit.Member.Predict(test, output);
        return output;
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

    /// <summary>Fits <paramref name="learner"/> on every fold but <paramref name="fold"/> and writes its outputs for that fold.</summary>
    private static void ScoreOutOfFold(ILearner learner, Target target, FeatureTable table, int[] folds, int fold, TrainingOptions options, double[] output, bool balanced)
    {
        var trainIdx = Enumerable.Range(0, table.Count).Where(i => folds[i] != fold).ToList();
        var testIdx = Enumerable.Range(0, table.Count).Where(i => folds[i] == fold).ToArray();
        var (member, _) = FitMember(learner, target, table.Subset(trainIdx), options with { Seed = options.Seed + fold + 1 }, keepOutOfBag: false, balanced);
        var scores = member.Outputs(testIdx.Select(i => table.Rows[i]).ToArray(), Targets.IsBinary(target));
        for (var j = 0; j < testIdx.Length; j++)
        {
            output[testIdx[j]] = scores[j];
        }
    }

    private static (EnsembleMember Member, double[]? OutOfBag) FitMember(ILearner learner, Target target, FeatureTable table, TrainingOptions options, bool keepOutOfBag,
        bool balanced)
    {
        var clock = Stopwatch.StartNew();
        var fit = learner.Fit(table, target, new LearnerContext(options.Tier, options.Seed, options.Parallelism, balanced, keepOutOfBag));
        return (new EnsembleMember(fit.Member, PlattCalibrator.Identity) { Seconds = clock.Elapsed.TotalSeconds }, fit.OutOfBag);
    }

    /// <summary>
    /// Platt scaling of the forest on its out-of-bag scores (in-sample forest scores are overconfident), then the vote
    /// weights on every member's calibrated out-of-sample outputs (<see cref="VoteWeights"/>).
    /// </summary>
    private static List<EnsembleMember> Weigh(Target target, float[] labels, IReadOnlyList<ILearner> learners, List<EnsembleMember> members, double[][] outputs,
        bool calibrateAll)
    {
        var binary = Targets.IsBinary(target);
        var result = new List<EnsembleMember>(members);
        for (var m = 0; m < members.Count; m++)
        {
            // The forest always (its leaf frequencies are not probabilities); every member when classes were weighted,
            // since weighting shifts each member's probabilities towards the rarer class.
            if (binary && (learners[m].ScoresOutOfBag || calibrateAll))
            {
                (result[m], outputs[m]) = Recalibrate(result[m], outputs[m], labels);
            }
        }

        var weights = VoteWeights.Fit(outputs, labels, binary);
        return result.Select((member, m) => member with { Weight = weights[m] }).ToList();
    }
}
