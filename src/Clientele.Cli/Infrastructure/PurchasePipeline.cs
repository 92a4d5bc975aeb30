using System.Globalization;
using Clientele.Cli.Commands;
using Clientele.Core.Bundles;
using Clientele.Core.Scoring;
using Clientele.Core.Training;
using Clientele.Storage.Files;
using Clientele.Workflows.Scoring;
using Clientele.Workflows.Training;
using Clientele.Workflows.Versions;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// The CLI's side of training and scoring from transactions (train / predict with --transactions): reads the
/// files, builds the workflow requests (<see cref="PurchaseTrainingSet"/>, <see cref="ScoreRequest"/>) and runs them.
/// </summary>
public static class PurchasePipeline
{
    private static TimeProvider Time => TimeProvider.System;

    /// <summary>
    /// Trains on the outcomes that followed the cutoff (as-of − the longest window) up to the as-of date, saves the
    /// bundle, and with --scores scores every client known at the as-of date as of it. The report gains the as-of
    /// date used, the cutoff, the windows and the notes left out.
    /// </summary>
    public static TrainedVersion TrainVersion(TrainSettings s, DateTimeOffset started, IProgress<string> progress, IDictionary<string, double> seconds)
    {
        var data = TransactionInputs.Data(s, s.Notes, s.CsvOptions, s.Lexicon, s.LexiconOverlay is null ? null : Inputs.Lexicon(s.Lexicon, s.LexiconOverlay), progress);
        var asOf = s.AsOfDate ?? TransactionInputs.Newest(data);
        var set = PurchaseTrainingSet.Prepare(data, asOf, s.Windows, s.Labels is null ? null : Inputs.Labels(s.Labels));
        var options = new TrainingOptions
        {
            Tier = s.ParsedTier, Seed = s.Seed, Folds = s.Folds, ClassWeights = s.ClassWeighting, Columns = s.ColumnOverrides, ColumnSource = s.Notes ?? "notes",
            Segments = s.SegmentOptions,
            IncludeSensitive = s.IncludeSensitive, TextChannel = !s.NoTextChannel,
        };
        var request = new TrainVersionRequest(set.Request(data, options, s.Holdout is null ? null : Inputs.Holdout(s.Holdout)),
            Inputs.Fingerprint(s.Transactions, s.Notes, s.Labels), BundlePlace.Versioned(s.Out!))
        {
            Store = s.Store,
            Run = new TrainingRun(started, $"{s.ParsedTier.ToString().ToLowerInvariant()} model trained from transactions in the CLI"),
        };
        var trained = new Workflows.Training.TrainVersion(Time).Run(request, progress, seconds);
        var report = trained.Report;
        report["as_of"] = Date(asOf);
        report["cutoff"] = Date(set.Cutoff);
        report["windows"] = new System.Text.Json.Nodes.JsonObject
        {
            ["horizon_days"] = s.Windows.HorizonDays, ["churn_days"] = s.Windows.ChurnDays, ["value_days"] = s.Windows.ValueDays,
        };
        report["notes_after_cutoff"] = set.Training.NotesLeftOut;
        report["notes_undated"] = set.Training.UndatedNotes;
        if (s.Scores is { } scoresFile)
        {
            var clients = ClientsAsOf.Of(data, asOf);
            var scores = new ScoreAndRecord(Time).Run(new ScoreRequest(new Scorer(trained.Bundle), trained.Version, clients.Profiles)
            {
                Purchases = data.Ledger,
                AsOf = asOf,
                WriteCsv = body => AtomicFile.WriteText(scoresFile, body),
            }, progress, seconds);
            report["scored"] = scores.Count;
            report["scores"] = scoresFile;
        }

        return trained;
    }

    /// <summary>Scores every client known at the as-of date (default today) with a bundle trained with transactions.</summary>
    public static (ModelBundle Bundle, ScoresTally Scores, DateOnly AsOf, int Suppressed) Score(PredictSettings s, IProgress<string> progress, IDictionary<string, double> seconds)
    {
        progress.Report("load model");
        var modelDirectory = ModelsDirectory.Resolve(s.Model!);
        var bundle = DirectoryBundleStore.Load(modelDirectory);
        var data = TransactionInputs.Data(s, s.Notes, s.CsvOptions, null, bundle.Lexicon, progress);
        // The one as-of rule of scoring: --as-of, else today (UTC); the date used is reported.
        var asOf = Pipeline.ScoringAsOf(s);
        var profiles = ClientsAsOf.Of(data, asOf).Profiles;
        if (s.Shard is not null)
        {
            var (k, n) = Sharding.Parse(s.Shard)!.Value;
            profiles = profiles.Where(p => Sharding.ShardOf(p.ClientId, n) == k).ToList();
        }

        var (kept, suppressed) = Pipeline.Suppress(s, profiles);
        var request = new ScoreRequest(new Scorer(bundle) { ReasonMethod = s.ReasonMethod }, VersionName.Of(modelDirectory), kept)
        {
            Notes = s.ForStore(data.Notes.Where(n => n.Date is not { } d || d <= asOf).ToList()),
            Purchases = data.Ledger,
            AsOf = asOf,
            WithReasons = !s.NoReasons,
            WriteCsv = body => AtomicFile.WriteText(s.Out!, body),
            Store = s.Store,
            StoreConcepts = s.StoreConcepts,
            Shard = s.Shard,
            RecordRun = true,
        };
        return (bundle, new ScoreAndRecord(Time).Stream(request, progress, seconds), asOf, suppressed);
    }

    /// <summary>yyyy-MM-dd.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
