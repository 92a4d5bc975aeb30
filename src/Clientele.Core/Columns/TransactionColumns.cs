using Clientele.Core.Ingest;

namespace Clientele.Core.Columns;

/// <summary>
/// What the purchase history reads from each column of a transactions file, for the schema report of
/// <c>clientele inspect --transactions</c>. Its columns feed RFM and BTYD; none is a column feature yet.
/// </summary>
public static class TransactionColumns
{
    /// <summary>Each header name with its role: "client id", "date", "amount", "order id", "currency", "detail" or "not read".</summary>
    public static IReadOnlyList<(string Column, string Role)> Describe(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Select(h => (h, Role(h.Trim()))).ToList();
    }

    private static string Role(string name)
    {
        bool In(string[] names) => names.Contains(name, StringComparer.OrdinalIgnoreCase);
        return In(TransactionsCsvOptions.IdNames) ? "client id"
            : In(TransactionsCsvOptions.DateNames) ? "date"
            : In(TransactionsCsvOptions.AmountNames) ? "amount"
            : In(TransactionsCsvOptions.OrderNames) ? "order id"
            : In(TransactionsCsvOptions.CurrencyNames) ? "currency"
            : In(TransactionsCsvOptions.DetailNames) ? "detail"
            : "not read";
    }
}
