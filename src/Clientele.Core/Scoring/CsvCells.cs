namespace Clientele.Core.Scoring;

/// <summary>
/// Cell quoting for the CSV files Clientele writes. Text that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe (OWASP CSV-injection advice).
/// </summary>
public static class CsvCells
{
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Number(double value, string format = "0.######") =>
        double.IsNaN(value) ? string.Empty : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
