using System.Globalization;

namespace Clientele.Cli.Infrastructure;

/// <summary>Cell formatting of the purchase-history CSVs: invariant numbers, ids written by <see cref="Core.Text.CsvCell"/>.</summary>
public static class HistoryCsv
{
    /// <summary>Six decimals: a millionth of a week is half a second, of a currency unit far below a cent.</summary>
    public static string N(double value) => double.IsFinite(value) ? Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The id cell: quoted when it must be and formula-guarded, by the one cell writer every CSV uses.</summary>
    public static string Id(string id) => Core.Text.CsvCell.Text(id);
}
