using Clientele.Core.Features;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;
using Clientele.Workflows.Notes;
using Clientele.Workflows.Scoring;
using Clientele.Workflows.Training;
using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Tests;

/// <summary>What a scoring run reads and records: notes streamed when not stored, concepts only when asked, one run per scoring.</summary>
public sealed class ScoringRunTests() : GeneratedNotesTests(Clients, seed: 9)
{
    private const int Clients = 120;

    [Fact]
    public void Streamed_notes_give_the_same_profiles_and_keep_no_note()
    {
        var kept = Read(new Dictionary<string, double>());
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var streamed = Read(seconds, keepNotes: false);

        Assert.Empty(streamed.Notes);
        Assert.Equal(["lexicon", "ingest_detect"], seconds.Keys);
        Assert.Equal(kept.Profiles.Select(Describe), streamed.Profiles.Select(Describe));
    }

    [Fact]
    public void A_scoring_run_records_clients_notes_and_predictions_with_its_run_and_concepts_only_when_asked()
    {
        var read = Read(new Dictionary<string, double>());
        var scorer = new Scorer(Train(read));
        foreach (var storeConcepts in new[] { false, true, true })
        {
            new ScoreAndRecord(Clock).Run(new ScoreRequest(scorer, "v1", read.Profiles)
            {
                Notes = read.Notes,
                Store = StoreAccess.Opening(() => StoreFactory.Open(Db)),
                StoreConcepts = storeConcepts,
                RecordRun = true,
            }, progress: null, new Dictionary<string, double>());

            using var store = StoreFactory.Open(Db);
            var id = read.Profiles[0].ClientId;
            Assert.Equal(storeConcepts, store.GetConcepts(id).Count > 0);
            Assert.Equal(read.Notes.Count(n => n.ClientId == id), store.GetNotes(id).Count);
            Assert.Single(store.GetPredictionHistory(id)); // the same scoring again: its row replaced, not added
            Assert.Equal(Clients, store.LatestPredictions().Count);
            var run = Assert.Single(store.ListRuns(), r => r.Kind == ScoreAndRecord.RunKind);
            var asOf = read.Profiles.Max(p => p.LastDate)!.Value;
            Assert.Equal((ScoreAndRecord.RunId("v1", asOf, null), "succeeded", Clients), (run.RunId, run.Status, run.Clients));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_staged_in_many_batches_stores_what_one_batch_stores(bool overlapped)
    {
        var read = Read(new Dictionary<string, double>());
        var scorer = new Scorer(Train(read));
        var tables = new List<string>();
        foreach (var (batch, file) in new[] { (10_000, "one.db"), (7, "many.db") })
        {
            var db = $"Data Source={Dir.Of(file)}";
            Runner(overlapped, batch).Run(new ScoreRequest(scorer, "v1", read.Profiles)
            {
                Notes = read.Notes,
                Store = StoreAccess.Opening(() => StoreFactory.Open(db)),
                StoreConcepts = true,
            }, progress: null, new Dictionary<string, double>());

            tables.Add(Table(db));
            using var store = StoreFactory.Open(db);
            Assert.Equal(Clients, store.LatestPredictions().Count);
        }

        Assert.Equal(tables[0], tables[1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_writer_failing_in_a_later_batch_is_reported_as_itself_and_publishes_nothing(bool overlapped)
    {
        var read = Read(new Dictionary<string, double>());
        var scorer = new Scorer(Train(read));
        using var real = StoreFactory.Open(Db);
        var failing = FailingStore.Wrap(real, failOnBatch: 3);

        var error = Assert.Throws<InvalidOperationException>(() => Runner(overlapped, 10).Run(
            new ScoreRequest(scorer, "v1", read.Profiles) { Notes = read.Notes, Store = StoreAccess.Shared(failing) },
            progress: null, new Dictionary<string, double>()));

        Assert.Equal("batch 3 refused", error.Message);
        Assert.Empty(real.LatestPredictions());
        Assert.Null(real.GetClient(read.Profiles[0].ClientId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_streamed_run_writes_and_records_what_a_run_keeping_its_scores_does_and_keeps_none(bool overlapped)
    {
        var read = Read(new Dictionary<string, double>());
        var scorer = new Scorer(Train(read));
        ScoreRequest Request(string db, StringWriter csv) => new(scorer, "v1", read.Profiles)
        {
            Notes = read.Notes,
            WriteCsv = body => body(csv),
            Store = StoreAccess.Opening(() => StoreFactory.Open(db)),
            StoreConcepts = true,
            RecordRun = true,
        };

        var (keptCsv, streamedCsv) = (new StringWriter(), new StringWriter());
        var (keptDb, streamedDb) = ($"Data Source={Dir.Of("kept.db")}", $"Data Source={Dir.Of("streamed.db")}");
        var kept = Runner(overlapped, 9).Run(Request(keptDb, keptCsv), progress: null, new Dictionary<string, double>());
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var tally = Runner(overlapped, 9).Stream(Request(streamedDb, streamedCsv), progress: null, seconds);

        Assert.Equal(Clients, kept.Count);
        Assert.Equal(keptCsv.ToString(), streamedCsv.ToString());
        Assert.Equal(Clients + 1, streamedCsv.ToString().Count(c => c == '\n'));
        var whole = ScoresTally.Of(kept);
        Assert.Equal((whole.Count, whole.MeanPurchaseProb, whole.MeanChurnRisk, whole.MeanClv), (tally.Count, tally.MeanPurchaseProb, tally.MeanChurnRisk, tally.MeanClv));
        Assert.Equal(whole.RiskSegments, tally.RiskSegments);
        Assert.Equal(Table(keptDb), Table(streamedDb));
        Assert.Contains("store_stage", seconds.Keys);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_store_failing_in_a_later_batch_leaves_no_scores_file(bool overlapped)
    {
        var read = Read(new Dictionary<string, double>());
        var scorer = new Scorer(Train(read));
        using var real = StoreFactory.Open(Db);
        var csv = Dir.Of("scores.csv");

        Assert.Throws<InvalidOperationException>(() => Runner(overlapped, 10).Stream(
            new ScoreRequest(scorer, "v1", read.Profiles)
            {
                Notes = read.Notes,
                Store = StoreAccess.Shared(FailingStore.Wrap(real, failOnBatch: 4)),
                WriteCsv = body => Storage.Files.AtomicFile.WriteText(csv, body),
            },
            progress: null, new Dictionary<string, double>()));

        Assert.False(File.Exists(csv));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(csv)!, "*scores.csv*"));
        Assert.Empty(real.LatestPredictions());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_scorer_failing_part_way_is_reported_as_itself_and_publishes_nothing(bool overlapped)
    {
        var read = Read(new Dictionary<string, double>());
        var scorer = new Scorer(Train(read));
        using var real = StoreFactory.Open(Db);
        var asOf = read.Profiles.Max(p => p.LastDate);

        var error = Assert.Throws<InvalidDataException>(() => Runner(overlapped, 10).Run(
            new ScoreRequest(scorer, "v1", new FailingProfiles(read.Profiles, failAt: 57)) { Notes = read.Notes, AsOf = asOf, Store = StoreAccess.Shared(real) },
            progress: null, new Dictionary<string, double>()));

        Assert.Equal("profile 57 unreadable", error.Message);
        Assert.Empty(real.LatestPredictions());
        Assert.Null(real.GetClient(read.Profiles[0].ClientId));
    }

    // A run scored on the calling thread alone (one batch, as a server request is), or by a producer on the pool
    // overlapping the writer (as a large run is), whatever the clients' count.
    private ScoreAndRecord Runner(bool overlapped, int storeBatch) =>
        new(Clock) { StoreBatch = storeBatch, OneThreadUpTo = overlapped ? 0 : Core.Defaults.ScoringBatch };

    /// <summary>Profiles whose reading fails at one index, however they are read (the scorer enumerates, the store maps by index).</summary>
    private sealed class FailingProfiles(IReadOnlyList<Core.Profiles.ClientProfile> inner, int failAt) : IReadOnlyList<Core.Profiles.ClientProfile>
    {
        public int Count => inner.Count;

        public Core.Profiles.ClientProfile this[int index] => index == failAt ? throw new InvalidDataException($"profile {failAt} unreadable") : inner[index];

        public IEnumerator<Core.Profiles.ClientProfile> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // What a store holds for each client with a prediction, in one comparable string.
    private static string Table(string db)
    {
        using var store = StoreFactory.Open(db);
        var ids = store.LatestPredictions().Select(p => p.ClientId).ToList();
        return string.Join("\n", ids.Select(id =>
            $"{store.GetClient(id)} | {string.Join(" / ", store.GetNotes(id))} | {string.Join(" / ", store.GetConcepts(id))} | "
            + store.GetPredictionHistory(id).Single().Score.Reasons));
    }

    /// <summary>The real store, but its scoring writer throws on the given batch (1-based).</summary>
    public class FailingStore : System.Reflection.DispatchProxy
    {
        private IClienteleStore inner = null!;
        private int failOnBatch;

        public static IClienteleStore Wrap(IClienteleStore inner, int failOnBatch)
        {
            var proxy = Create<IClienteleStore, FailingStore>();
            var self = (FailingStore)(object)proxy;
            (self.inner, self.failOnBatch) = (inner, failOnBatch);
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            var result = targetMethod.Invoke(inner, args);
            return result is IScoringWriter writer ? new FailingWriter(writer, failOnBatch) : result;
        }
    }

    private sealed class FailingWriter(IScoringWriter inner, int failOnBatch) : IScoringWriter
    {
        private int batches;

        public void Add(ScoredBatch batch)
        {
            if (++batches == failOnBatch)
            {
                throw new InvalidOperationException($"batch {batches} refused");
            }

            inner.Add(batch);
        }

        public void Publish(RunRecord? run) => inner.Publish(run);

        public void Dispose() => inner.Dispose();
    }

    private static string Describe(Core.Profiles.ClientProfile p) =>
        $"{p.ClientId} {p.NoteCount} {p.FirstDate} {p.LastDate} {string.Join(',', p.Concepts)} {string.Join(',', p.Languages)}";

    private Core.Bundles.ModelBundle Train(ProfilesRead read) =>
        new TrainVersion(Clock).Run(TrainRequest(read, Tier.Fast, BundlePlace.Versioned(Dir.Of("models/v1"))), progress: null, new Dictionary<string, double>()).Bundle;
}
