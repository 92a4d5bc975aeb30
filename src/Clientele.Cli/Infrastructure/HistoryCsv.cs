using System.Globalization;

namespace Clientele.Cli.Infrastructure;

/// <summary>Cell formatting of the purchase-history CSVs: invariant numbers, ids quoted only when they must be.</summary>
public static class HistoryCsv
{
    /// <summary>Six decimals: a millionth of a week is half a second, of a currency unit far below a cent.</summary>
    public static string N(double value) => double.IsFinite(value) ? Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;

    public static string Id(string id) =>
        id.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : id;
}
