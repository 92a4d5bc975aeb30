using System.Globalization;

namespace Clientele.Cli.Infrastructure;

/// <summary>The three comma-separated numbers of a segment option (--value-quantiles, --risk-odds, --value-bounds, --risk-bounds).</summary>
internal static class SegmentList
{
    /// <summary>Three ascending bounds make four segments.</summary>
    private const int Count = 3;

    /// <summary>The numbers, or null when the text is not three numbers.</summary>
    public static double[]? Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values.Length == Count ? values : null;
    }

    /// <summary>Null when <paramref name="text"/> is three strictly ascending numbers within the range, else the usage error.</summary>
    public static string? Check(string option, string text, double low, double high, bool exclusive)
    {
        var values = Parse(text);
        var ok = values is not null && values.All(v => exclusive ? v > low && v < high : v >= low && v < high)
            && values.Zip(values.Skip(1)).All(p => p.First < p.Second);
        return ok ? null : CliMessages.BadSegmentList(option, text, low, high);
    }
}
