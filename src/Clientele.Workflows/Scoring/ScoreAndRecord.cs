using Clientele.Core.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Scoring;

/// <summary>
/// Score and record: scores every profile, writes the scores CSV when asked, then records the clients (notes,
/// concepts) and the predictions under the version, timing "score", "write" and "store".
/// </summary>
public sealed class ScoreAndRecord(TimeProvider time)
{
    /// <summary>Runs the steps in order; the scores are returned whatever was written or recorded.</summary>
    public List<ClientScore> Run(ScoreRequest request, IProgress<string>? progress, IDictionary<string, double> seconds, CancellationToken token = default)
    {
        var clock = new StageClock(time, seconds);
        progress?.Report($"score {request.Profiles.Count:N0} clients");
        var trainedWithPurchases = request.Scorer.Bundle.Featurizer.Purchases is not null;
        if (trainedWithPurchases != (request.Purchases is not null))
        {
            throw new Core.Errors.ClienteleInputException("model", null, null,
                trainedWithPurchases ? WorkflowMessages.TransactionsNeeded : WorkflowMessages.TransactionsNotTrained);
        }

        var scores = request.Scorer.Score(request.Profiles, request.Purchases, request.AsOf, request.WithReasons);
        clock.Lap("score");
        if (request.WriteCsv is { } write)
        {
            write(w => ScoresCsv.Write(w, scores));
            clock.Lap("write");
        }

        token.ThrowIfCancellationRequested();
        request.Store.Use(store => Record(store, request, scores));
        clock.Lap("store");
        return scores;
    }

    private void Record(IClienteleStore store, ScoreRequest request, IReadOnlyList<ClientScore> scores)
    {
        var predictions = RecordMapper.Predictions(scores, request.Version, time.GetUtcNow());
        if (request.RecordClients)
        {
            var scored = request.Profiles.Select(p => p.ClientId).ToHashSet(StringComparer.Ordinal);
            var notes = request.Notes.Where(n => scored.Contains(n.ClientId)).ToList();
            var (clients, concepts) = RecordMapper.From(request.Profiles, notes, request.Scorer.Bundle.Lexicon);

            // One transaction: a kill between the two writes once left 50,000 clients without a prediction.
            store.SaveScored(clients, notes, concepts, predictions);
            return;
        }

        store.SavePredictions(predictions);
    }
}
