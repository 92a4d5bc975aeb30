using Clientele.Core.Scoring;
using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Prediction_history_is_kept_newest_first()
    {
        Store.SaveClients(Sample.Client("A"));
        var old = Sample.Prediction("A", Sample.T0, 2000, model: "v1");
        var newer = Sample.Prediction("A", Sample.T0.AddDays(1), 9000, model: "v2");
        Store.SavePredictions([old]);
        Store.SavePredictions([newer]);

        Assert.Equal([newer, old], Store.GetPredictionHistory("A"));
    }

    [StoreFact]
    public void Latest_predictions_hold_the_newest_of_each_client()
    {
        Store.SaveClients(Sample.Client("A"), Sample.Client("B"), Sample.Client("C"));
        var a = Sample.Prediction("A", Sample.T0.AddHours(2), 5000);
        var b = Sample.Prediction("B", Sample.T0, 800);
        Store.SavePredictions([Sample.Prediction("A", Sample.T0, 100), a, Sample.Prediction("A", Sample.T0.AddHours(1), 200), b]);

        Assert.Equal([a, b], Store.LatestPredictions());
    }

    [StoreFact]
    public void Scores_of_untrained_targets_round_trip_as_NaN()
    {
        Store.SaveClients(Sample.Client("A"));
        var score = new ClientScore("A", double.NaN, false, 0.42, false, double.NaN, string.Empty, "Monitor", string.Empty);
        var prediction = new PredictionRecord("A", "v1", Sample.T0, score);
        Store.SavePredictions([prediction]);

        var read = Assert.Single(Store.GetPredictionHistory("A"));
        Assert.True(double.IsNaN(read.Score.PurchaseProb));
        Assert.True(double.IsNaN(read.Score.PredictedClv));
        Assert.Equal(0.42, read.Score.ChurnRisk);
        Assert.Equal(prediction, read);
    }

    [StoreFact]
    public void Times_keep_their_instant_whatever_the_offset()
    {
        Store.SaveClients(Sample.Client("A"));
        var paris = Sample.Prediction("A", new DateTimeOffset(2026, 1, 8, 10, 0, 0, TimeSpan.FromHours(2)), 1);
        var utc = Sample.Prediction("A", new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero), 2);
        var tokyo = Sample.Prediction("A", new DateTimeOffset(2026, 1, 8, 19, 0, 0, TimeSpan.FromHours(9)), 3);
        Store.SavePredictions([utc, paris, tokyo]);

        var history = Store.GetPredictionHistory("A");

        // In UTC: Tokyo 10:00, UTC 09:00, Paris 08:00; sorting the local clock times would put Paris second.
        Assert.Equal([tokyo, utc, paris], history);
        Assert.Equal(paris.ScoredAt.UtcTicks, history[2].ScoredAt.UtcTicks);
    }

    [StoreFact]
    public void A_prediction_batch_failing_midway_writes_nothing()
    {
        Store.SaveClients(Sample.Client("A"), Sample.Client("B"));

        // Spans several statements; the unknown client sits in the last one.
        var batch = Enumerable.Range(0, 1200)
            .Select(i => Sample.Prediction(i == 1100 ? "unknown" : i % 2 == 0 ? "A" : "B", Sample.T0.AddSeconds(i), i))
            .ToList();

        Assert.ThrowsAny<Exception>(() => Store.SavePredictions(batch));

        Assert.Empty(Store.LatestPredictions());
    }
}
