using System.Data.Common;
using Clientele.Core.Scoring;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    private const string PredictionColumns =
        "p.client_id, p.model_version, p.scored_at, p.purchase_prob, p.will_purchase, p.churn_risk, p.will_churn, "
        + "p.predicted_clv, p.value_segment, p.risk_segment, p.reasons";

    private const string InsertPredictionHead = """
        INSERT INTO predictions (client_id, model_version, scored_at, purchase_prob, will_purchase, churn_risk, will_churn,
            predicted_clv, value_segment, risk_segment, reasons) VALUES
        """;

    /// <summary>Columns a scoring run writes, in this order (the staged and the direct writers share it).</summary>
    internal const string ScoringColumns =
        "client_id, model_version, scored_at, purchase_prob, will_purchase, churn_risk, will_churn, predicted_clv, "
        + "value_segment, risk_segment, reasons, as_of";

    /// <summary>
    /// The scoring key: the same (client, version, as-of) scored again replaces its row rather than adding one. The
    /// row keeps its id, so "latest" (newest scored_at, then id) still finds it.
    /// </summary>
    internal const string UpsertScoringTail = """
        ON CONFLICT (client_id, model_version, as_of) WHERE as_of IS NOT NULL DO UPDATE SET
            scored_at = excluded.scored_at, purchase_prob = excluded.purchase_prob, will_purchase = excluded.will_purchase,
            churn_risk = excluded.churn_risk, will_churn = excluded.will_churn, predicted_clv = excluded.predicted_clv,
            value_segment = excluded.value_segment, risk_segment = excluded.risk_segment, reasons = excluded.reasons
        """;

    /// <summary>Every client must have been saved first (a prediction of an unknown client fails the whole batch).</summary>
    public void SavePredictions(IReadOnlyList<PredictionRecord> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        InTransaction((c, tx) => WritePredictions(c, tx, predictions));
    }

    private void WritePredictions(DbConnection c, DbTransaction tx, IReadOnlyList<PredictionRecord> predictions) =>
        MultiRow.Insert(c, tx, RowsPerStatement, InsertPredictionHead, string.Empty, predictions, p =>
        [
            p.ClientId, p.ModelVersion, TimestampValue(p.ScoredAt), Score(p.Score.PurchaseProb), p.Score.WillPurchase,
            Score(p.Score.ChurnRisk), p.Score.WillChurn, Score(p.Score.PredictedClv), p.Score.ValueSegment, p.Score.RiskSegment,
            p.Score.Reasons,
        ]);

    public IReadOnlyList<PredictionRecord> GetPredictionHistory(string clientId) =>
        WithConnection(c => Query(
            c,
            $"SELECT {PredictionColumns} FROM predictions p WHERE p.client_id = @clientId ORDER BY p.scored_at DESC, p.id DESC",
            new { clientId },
            r => ReadPrediction(r, 0)));

    public IReadOnlyList<PredictionRecord> LatestPredictions() =>
        WithConnection(c => Query(
            c,
            $"SELECT {PredictionColumns} {LatestPredictionJoin} WHERE p.id IS NOT NULL ORDER BY c.client_id",
            null,
            r => ReadPrediction(r, 0)));

    private PredictionRecord ReadPrediction(DbDataReader r, int at)
    {
        var clientId = r.GetString(at);
        var score = new ClientScore(
            clientId,
            ReadScore(r, at + 3),
            r.GetBoolean(at + 4),
            ReadScore(r, at + 5),
            r.GetBoolean(at + 6),
            ReadScore(r, at + 7),
            r.GetString(at + 8),
            r.GetString(at + 9),
            r.GetString(at + 10));
        return new PredictionRecord(clientId, r.GetString(at + 1), ReadTimestamp(r, at + 2), score);
    }

    // NaN means "target not trained"; SQL has no NaN in SQLite and PostgreSQL's would sort above every number.
    internal static double? Score(double value) => double.IsNaN(value) ? null : value;

    private static double ReadScore(DbDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);
}
