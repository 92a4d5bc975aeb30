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

    private static string Describe(Core.Profiles.ClientProfile p) =>
        $"{p.ClientId} {p.NoteCount} {p.FirstDate} {p.LastDate} {string.Join(',', p.Concepts)} {string.Join(',', p.Languages)}";

    private Core.Bundles.ModelBundle Train(ProfilesRead read) =>
        new TrainVersion(Clock).Run(TrainRequest(read, Tier.Fast, BundlePlace.Versioned(Dir.Of("models/v1"))), progress: null, new Dictionary<string, double>()).Bundle;
}
