using Clientele.Core.Concepts;
using Clientele.Core.Bundles;
using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Training;
using Clientele.Storage.Files;
using Clientele.Workflows;
using Clientele.Workflows.Notes;
using Clientele.Workflows.Scoring;
using Clientele.Workflows.Training;
using Clientele.Workflows.Versions;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// The CLI's side of the workflows: turns a verb's settings into workflow requests (files opened here, rejected
/// rows told on stderr) and runs them. Every verb that reads, trains or scores comes through here.
/// </summary>
public static class Pipeline
{
    private static TimeProvider Time => TimeProvider.System;

    /// <summary>Reads notes and builds profiles, timing each stage into <paramref name="seconds"/>.</summary>
    /// <remarks>Notes dated after <paramref name="asOf"/> (default: <c>--as-of</c>, else none) are left out and counted on stderr.</remarks>
    public static (IReadOnlyList<ClientProfile> Profiles, ConceptLexicon Lexicon, List<Core.Ingest.Note> Notes) Profiles(NotesSettings s, IProgress<string> progress, IDictionary<string, double> seconds,
        ConceptLexicon? lexicon = null, DateOnly? asOf = null, bool keepNotes = true)
    {
        asOf ??= s.AsOfDate;
        // The fact patterns are built on the pool while the lexicon and its matcher are.
        _ = Task.Run(FactExtractor.Prepare);
        var input = new NotesInput(() => Inputs.Open(s.Notes!), s.Notes!, s.CsvOptions) { AsOf = asOf };
        var read = new ReadProfiles(Time).Run(() => lexicon ?? Inputs.Lexicon(s.Lexicon, s.LexiconOverlay), input, progress, seconds, report => Inputs.Tell(report, allowance: s.RowAllowance), keepNotes);
        TellAfterAsOf(read, asOf);
        return (read.Profiles, read.Lexicon, read.Notes);
    }

    private static void TellAfterAsOf(ProfilesRead read, DateOnly? asOf)
    {
        if (read.AfterAsOf > 0 && asOf is { } date)
        {
            CliIO.Err.WriteLine(WorkflowMessages.NotesAfterAsOf(read.AfterAsOf, date));
        }
    }

    /// <summary>The as-of date a scoring run uses: <c>--as-of</c>, else today (UTC) — never the newest date of the batch, so a score does not depend on the other clients of the file.</summary>
    public static DateOnly ScoringAsOf(NotesSettings s) => s.AsOfDate ?? DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    /// <summary>Trains one tier on profiles, with real labels when given, smart labels otherwise.</summary>
    public static TrainedModel Train(TrainingSettings s, Tier tier, IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, IProgress<string> progress, IDictionary<string, double> seconds) =>
        TrainModels.Run(Request(s, tier, profiles, lexicon), progress, seconds);

    /// <summary>Reads the notes, trains one tier and saves the bundle in <paramref name="outDirectory"/>, recorded in the store unless --no-store.</summary>
    public static TrainedVersion TrainVersion(TrainingSettings s, Tier tier, string outDirectory, DateTimeOffset started, IProgress<string> progress, IDictionary<string, double> seconds)
    {
        var (profiles, lexicon, _) = Profiles(s, progress, seconds);
        var request = new TrainVersionRequest(Request(s, tier, profiles, lexicon), Inputs.Fingerprint(s.Notes, s.Labels), BundlePlace.Versioned(outDirectory))
        {
            Store = s.Store,
            Run = new TrainingRun(started, $"{tier.ToString().ToLowerInvariant()} model trained from the CLI"),
        };
        return new TrainVersion(Time).Run(request, progress, seconds);
    }

    /// <summary>Scores the clients of the notes (shard K/N of them when given) with the bundle in <paramref name="modelDirectory"/>, writes the scores CSV and records them unless --no-store.</summary>
    public static (ModelBundle Bundle, ScoresTally Scores, int Suppressed) Score(NotesSettings s, string modelDirectory, string outFile, bool withReasons, string? shard,
        IProgress<string> progress, IDictionary<string, double> seconds, bool storeConcepts = true,
        ReasonMethod reasonMethod = Core.Defaults.ReasonMethod)
    {
        var clock = new StageClock(Time, seconds);
        OutputFile.RequireWritable(outFile);
        progress.Report("load model");
        // Resolved once: a training publishing a newer version meanwhile must not change which one is named.
        modelDirectory = ModelsDirectory.Resolve(modelDirectory);
        // The fact patterns are built on the pool while the bundle opens; the first note would otherwise wait for them.
        _ = Task.Run(FactExtractor.Prepare);
        var opening = DirectoryBundleStore.Open(modelDirectory);
        RequireOverlay(s, opening.Lexicon);
        // The featurizer and the models are read on the pool while the notes are read with the bundle's matcher.
        var finishing = Task.Run(opening.Finish);
        clock.Lap("load_model");
        // Only the store keeps note text (it records the notes); otherwise notes stream into compact profiles. A shard
        // detects only its own clients' notes; every shard scores as of the same date (--as-of, else today).
        var asOf = ScoringAsOf(s);
        Func<string, bool>? inShard = null;
        if (shard is not null)
        {
            var (k, n) = Sharding.Parse(shard)!.Value;
            inShard = id => Sharding.ShardOf(id, n) == k;
        }

        var read = new ReadProfiles(Time).Run(() => opening.Lexicon, new NotesInput(() => Inputs.Open(s.Notes!), s.Notes!, s.CsvOptions) { AsOf = asOf },
            progress, seconds, report => Inputs.Tell(report, allowance: s.RowAllowance), keepNotes: s.Store.Records, inShard, () => opening.Matcher);
        TellAfterAsOf(read, asOf);
        // Only the wait counts: the reading between is timed by its own stages.
        clock.Restart();
        var bundle = finishing.GetAwaiter().GetResult();
        clock.Lap("load_model_wait");
        var (profiles, notes) = (read.Profiles, read.Notes);
        var toStore = s.Store.Records ? s.ForStore(notes) : notes;
        if (s.Store.Records)
        {
            // A stored client's profile is all its notes: the earlier ones go before the file's (and are not stored twice).
            var earlier = new List<Core.Ingest.Note>();
            s.Store.Use(store => earlier = StoredNotes.Earlier(store, toStore, asOf));
            if (earlier.Count > 0)
            {
                notes = [.. earlier, .. notes];
                toStore = [.. earlier, .. toStore];
                profiles = ProfileBuilder.FromNotes(bundle.Matcher, notes);
            }
        }

        var (kept, suppressed) = Suppress(s, profiles);
        var request = new ScoreRequest(new Scorer(bundle) { ReasonMethod = reasonMethod }, VersionName.Of(modelDirectory), kept)
        {
            Notes = toStore,
            AsOf = asOf,
            WithReasons = withReasons,
            WriteCsv = body => OutputFile.WriteText(outFile, body),
            Store = s.Store,
            StoreConcepts = storeConcepts,
            Shard = shard,
            RecordRun = true,
        };
        return (bundle, new ScoreAndRecord(Time).Stream(request, progress, seconds), suppressed);
    }

    /// <summary>The profiles whose clients did not object or withdraw consent, and how many were left out (said on stderr).</summary>
    public static (List<ClientProfile> Kept, int Suppressed) Suppress(RecordingSettings s, IReadOnlyList<ClientProfile> profiles)
    {
        var (kept, suppressed) = Workflows.Privacy.SubjectRights.WithoutSuppressed(profiles, s.SuppressedClients());
        // The file's own withdrawals and objections join the store's, so the nightly scoring and the worklist honour them.
        s.Store.Use(store => Workflows.Privacy.SubjectRights.RecordStatedConsent(store, profiles, Commands.KeysCommand.CliActor, "notes-file", Time.GetUtcNow()));
        if (suppressed > 0)
        {
            CliIO.Err.WriteLine("warning: " + CliMessages.SuppressedClients(suppressed));
        }

        return (kept, suppressed);
    }

    /// <summary>
    /// Predict scores with the bundle's lexicon, which records the overlay it was trained with: an overlay given to
    /// predict must be that one (its concepts in the bundle), or the scores would not use the concepts the user expects.
    /// </summary>
    private static void RequireOverlay(NotesSettings s, ConceptLexicon lexicon)
    {
        if (string.IsNullOrWhiteSpace(s.LexiconOverlay))
        {
            return;
        }

        using var reader = Inputs.Open(s.LexiconOverlay);
        var missing = LexiconOverlay.Read(reader, s.LexiconOverlay).Where(c => lexicon.IndexOf(c.Id) < 0).Select(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            throw new ClienteleInputException(s.LexiconOverlay, null, null, CliMessages.OverlayNotInBundle(missing.Count, missing[0]));
        }
    }

    /// <summary>
    /// The fit request of the settings with its holdout made explicit (the file's, else the seeded stratified split the
    /// trainer would draw), so two tiers fitted from it are measured on exactly the same test clients.
    /// </summary>
    public static TrainModelsRequest SharedSplitRequest(TrainingSettings s, Tier tier, IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon)
    {
        var request = Request(s, tier, profiles, lexicon);
        var labels = request.Labels!;
        var holdout = request.Holdout ?? HoldoutSplit.Stratified(
            labels.Targets().SelectMany(t => profiles.Select(p => (p.ClientId, Target: t, Value: labels.For(p.ClientId)?.Value(t)))
                .Where(x => x.Value is not null).Select(x => (x.ClientId, x.Target, x.Value!.Value))),
            s.Seed);
        return request with { Holdout = holdout };
    }

    /// <summary>The fit request of the settings: labels read (or smart) and checked to match the notes, the holdout read.</summary>
    private static TrainModelsRequest Request(TrainingSettings s, Tier tier, IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon)
    {
        var options = new TrainingOptions
        {
            Tier = tier, Seed = s.Seed, Folds = s.Folds, AsOf = s.AsOfDate, ClassWeights = s.ClassWeighting, Columns = s.ColumnOverrides, ColumnSource = s.Notes ?? "notes",
            Segments = s.SegmentOptions,
            IncludeSensitive = s.IncludeSensitive, TextChannel = !s.NoTextChannel,
        };
        var request = new TrainModelsRequest(profiles, lexicon, s.Labels is null ? null : Inputs.Labels(s.Labels, s.RowAllowance), null, options);
        var labels = TrainModels.Labels(request);
        if (!labels.IsSmart)
        {
            // Too few real labels give a model whose holdout metrics are noise: an error unless --allow-small.
            LabelSufficiency.Require(labels, profiles.Select(p => p.ClientId), s.AllowSmall);
        }

        if (!profiles.Any(p => labels.For(p.ClientId) is not null))
        {
            throw new ClienteleInputException(s.Labels ?? "labels", null, null, "no client of the notes file has a label row (client ids do not match)");
        }

        return request with { Labels = labels, Holdout = s.Holdout is null ? null : Inputs.Holdout(s.Holdout) };
    }
}
