using Clientele.Core.Ingest;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    private static ScoredBatch Batch(string id, double clv, string model = "v1", DateTimeOffset? at = null) =>
        new([Sample.Client(id, "Mme " + id)], [Sample.Note(id, "note of " + id, Sample.Day)], [Sample.Concept(id, "gift")],
            [Sample.Prediction(id, at ?? Sample.T0, clv, model: model)]);

    [StoreFact]
    public void A_scoring_run_is_invisible_until_published_then_visible_with_its_run()
    {
        using (var writer = Store.BeginScoring(AsOf))
        {
            writer.Add(Batch("A", 100));
            writer.Add(Batch("B", 200));

            var reader = NewStore(); // not migrated: that would wait for the writer's lock
            Assert.Null(reader.GetClient("A"));
            Assert.Empty(reader.LatestPredictions());

            writer.Publish(Sample.Run("predict-v1", 0));
        }

        Assert.Equal(["A", "B"], Store.LatestPredictions().Select(p => p.ClientId));
        Assert.Equal(["note of A"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Equal(["gift"], Store.GetConcepts("B").Select(c => c.ConceptId));
        Assert.Equal("Mme A", Store.GetClient("A")?.DisplayName);
        Assert.Contains(Store.ListRuns(), r => r.RunId == "predict-v1");
    }

    [StoreFact]
    public void A_scoring_run_disposed_without_publishing_leaves_the_store_as_it_was()
    {
        Store.SaveClients([Sample.Client("A", "before")], [Sample.Note("A", "kept")], []);
        using (var writer = Store.BeginScoring(AsOf))
        {
            writer.Add(Batch("A", 100));
            writer.Add(Batch("B", 200));
        }

        Assert.Equal("before", Store.GetClient("A")?.DisplayName);
        Assert.Equal(["kept"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Null(Store.GetClient("B"));
        Assert.Empty(Store.LatestPredictions());
        Assert.Empty(Store.ListRuns());
    }

    [StoreFact]
    public void Publishing_the_same_scoring_again_replaces_its_rows_and_another_as_of_adds_one()
    {
        foreach (var clv in new[] { 100.0, 300.0 })
        {
            using var writer = Store.BeginScoring(AsOf);
            writer.Add(Batch("A", clv, at: Sample.T0.AddMinutes(clv)));
            writer.Publish(Sample.Run("predict-v1", 0));
        }

        var history = Store.GetPredictionHistory("A");
        Assert.Equal([300.0], history.Select(p => p.Score.PredictedClv));
        Assert.Equal(["note of A"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Single(Store.GetConcepts("A"));
        Assert.Single(Store.ListRuns(), r => r.RunId == "predict-v1");

        using (var later = Store.BeginScoring(AsOf.AddDays(1)))
        {
            later.Add(Batch("A", 500, at: Sample.T0.AddDays(1)));
            later.Publish(null);
        }

        Assert.Equal(2, Store.GetPredictionHistory("A").Count);
        Assert.Equal(500, Store.LatestPredictions().Single().Score.PredictedClv);
    }

    [StoreFact]
    public void A_scoring_run_without_concepts_removes_the_stored_concepts_and_appends_its_notes()
    {
        Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "old")], [Sample.Concept("A", "golf")]);
        using (var writer = Store.BeginScoring(AsOf))
        {
            writer.Add(Batch("A", 100) with { Concepts = [] });
            writer.Publish(null);
        }

        Assert.Empty(Store.GetConcepts("A"));
        Assert.Equal(["note of A", "old"], Store.GetNotes("A").Select(n => n.Text)); // dated first, undated last
    }

    [StoreFact]
    public void A_scoring_run_stores_a_note_it_repeats_once()
    {
        using (var first = Store.BeginScoring(AsOf))
        {
            first.Add(Batch("A", 100));
            first.Publish(null);
        }

        using (var again = Store.BeginScoring(AsOf))
        {
            again.Add(Batch("A", 200));
            again.Publish(null);
        }

        Assert.Equal(["note of A"], Store.GetNotes("A").Select(n => n.Text));
    }

    [StoreFact]
    public void A_predictions_only_run_of_an_unknown_client_publishes_nothing()
    {
        Store.SaveClients(Sample.Client("A"));
        Assert.ThrowsAny<System.Data.Common.DbException>(() =>
        {
            using var writer = Store.BeginScoring(AsOf);
            writer.Add(new ScoredBatch([], [], [], [Sample.Prediction("A", Sample.T0, 1)]));
            writer.Add(new ScoredBatch([], [], [], [Sample.Prediction("unknown", Sample.T0, 2)]));
            writer.Publish(null);
        });

        Assert.Empty(Store.LatestPredictions());
    }

    [StoreFact]
    public void A_scoring_run_stores_text_missing_values_and_flags_as_given()
    {
        const string name = "Mme Ünal-Øster 山田 🎁";
        const string text = "Cadeau pour sa fille — 东京, budget ≈ 5 000 €\nligne 2";
        var score = new ClientScore("A", double.NaN, true, 0.9, true, 1234.5, "High", "High", "gift — é");
        using (var writer = Store.BeginScoring(AsOf))
        {
            writer.Add(new ScoredBatch(
                [new ClientRecord("A", name, null, null, 1, null)],
                [new Note("A", null, null, text, 1)],
                [],
                [new PredictionRecord("A", "v1", Sample.T0, score)]));
            writer.Publish(null);
        }

        var client = Store.GetClient("A");
        Assert.Equal(name, client?.DisplayName);
        Assert.Null(client?.FirstNote);
        Assert.Null(client?.Languages);
        var note = Assert.Single(Store.GetNotes("A"));
        Assert.Equal((text, (DateOnly?)null, (string?)null), (note.Text, note.Date, note.Language));
        var stored = Assert.Single(Store.LatestPredictions()).Score;
        Assert.True(double.IsNaN(stored.PurchaseProb));
        Assert.Equal((true, 0.9, true, 1234.5, "gift — é"), (stored.WillPurchase, stored.ChurnRisk, stored.WillChurn, stored.PredictedClv, stored.Reasons));
    }

    [StoreFact]
    public void A_batch_with_a_note_of_another_client_is_refused_before_writing()
    {
        using var writer = Store.BeginScoring(AsOf);
        Assert.Throws<ArgumentException>(() => writer.Add(Batch("A", 1) with { Notes = [Sample.Note("Z", "z")] }));
    }
}
