using System.Text;
using Clientele.Core.Text;

namespace Clientele.Core.Scoring;

/// <summary>Writes scores in the columns of DESIGN §9.</summary>
public static class ScoresCsv
{
    public const string Header = "client_id,purchase_prob,will_purchase,churn_risk,will_churn,predicted_clv,value_segment,risk_segment,reasons";

    public static void Write(TextWriter writer, IEnumerable<ClientScore> scores)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scores);
        writer.Write(Header);
        writer.Write('\n');
        WriteRows(writer, scores);
    }

    /// <summary>Writes the rows of <paramref name="scores"/> without the header: a run that streams its batches writes the header once, then each batch.</summary>
    public static void WriteRows(TextWriter writer, IEnumerable<ClientScore> scores)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scores);
        // Each row's reasons are rendered into this one builder and quoted from it: no string per row.
        var reasons = new StringBuilder();
        foreach (var s in scores)
        {
            writer.Write(CsvCell.Text(s.ClientId));
            writer.Write(',');
            writer.Write(CsvCell.Number(s.PurchaseProb));
            writer.Write(',');
            writer.Write(double.IsNaN(s.PurchaseProb) ? string.Empty : s.WillPurchase ? "1" : "0");
            writer.Write(',');
            writer.Write(CsvCell.Number(s.ChurnRisk));
            writer.Write(',');
            writer.Write(double.IsNaN(s.ChurnRisk) ? string.Empty : s.WillChurn ? "1" : "0");
            writer.Write(',');
            writer.Write(CsvCell.Number(s.PredictedClv, "0.##"));
            writer.Write(',');
            writer.Write(s.ValueSegment);
            writer.Write(',');
            writer.Write(s.RiskSegment);
            writer.Write(',');
            reasons.Clear();
            s.Explanation.AppendTo(reasons);
            CsvCell.Write(writer, reasons);
            writer.Write('\n');
        }
    }
}
