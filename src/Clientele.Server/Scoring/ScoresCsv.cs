using System.Globalization;
using System.Text;
using Clientele.Core.Scoring;

namespace Clientele.Server.Scoring;

/// <summary>Scores as CSV with the DESIGN §9 header, for <c>Accept: text/csv</c>.</summary>
public static class ScoresCsv
{
    public const string Header = "client_id,purchase_prob,will_purchase,churn_risk,will_churn,predicted_clv,value_segment,risk_segment,reasons";

    public static string Write(IEnumerable<ClientScore> scores)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var s in scores)
        {
            sb.Append(Field(s.ClientId)).Append(',')
                .Append(Num(s.PurchaseProb, "0.####")).Append(',').Append(Bool(s.PurchaseProb, s.WillPurchase)).Append(',')
                .Append(Num(s.ChurnRisk, "0.####")).Append(',').Append(Bool(s.ChurnRisk, s.WillChurn)).Append(',')
                .Append(Num(s.PredictedClv, "0.##")).Append(',')
                .Append(Field(s.ValueSegment)).Append(',').Append(Field(s.RiskSegment)).Append(',').Append(Field(s.Reasons)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Num(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    private static string Bool(double v, bool b) => double.IsFinite(v) ? (b ? "1" : "0") : string.Empty;

    /// <summary>Quotes when needed; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
