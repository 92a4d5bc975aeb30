namespace Clientele.Core.Scoring;

/// <summary>Writes scores in the columns of DESIGN §9.</summary>
public static class ScoresCsv
{
    public const string Header = "client_id,purchase_prob,will_purchase,churn_risk,will_churn,predicted_clv,value_segment,risk_segment,reasons";

    public static void Write(TextWriter writer, IEnumerable<ClientScore> scores)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var s in scores)
        {
            writer.Write(CsvCells.Text(s.ClientId));
            writer.Write(',');
            writer.Write(CsvCells.Number(s.PurchaseProb));
            writer.Write(',');
            writer.Write(double.IsNaN(s.PurchaseProb) ? string.Empty : s.WillPurchase ? "1" : "0");
            writer.Write(',');
            writer.Write(CsvCells.Number(s.ChurnRisk));
            writer.Write(',');
            writer.Write(double.IsNaN(s.ChurnRisk) ? string.Empty : s.WillChurn ? "1" : "0");
            writer.Write(',');
            writer.Write(CsvCells.Number(s.PredictedClv, "0.##"));
            writer.Write(',');
            writer.Write(s.ValueSegment);
            writer.Write(',');
            writer.Write(s.RiskSegment);
            writer.Write(',');
            writer.Write(CsvCells.Text(s.Reasons));
            writer.Write('\n');
        }
    }
}
