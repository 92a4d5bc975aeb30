using Clientele.Core.History;
using Clientele.Core.Ingest;

namespace Clientele.Core.Columns;

/// <summary>
/// What the purchase history reads from each column of a transactions file, for the schema report of
/// <c>clientele inspect --transactions</c>. The required columns feed RFM and BTYD; every other column is typed
/// and its categorical ones become features (the transaction column block).
/// </summary>
public static class TransactionColumns
{
    /// <summary>Each header name with its role: "client id", "date", "amount", "order id", "currency", "detail" or "not read".</summary>
    public static IReadOnlyList<(string Column, string Role)> Describe(IReadOnlyList<string> header) => Describe(header, null);

    /// <summary>
    /// As <see cref="Describe(IReadOnlyList{string})"/>, an extra column found in <paramref name="schema"/> described as
    /// a feature ("feature: categorical, 6 levels") or why not ("detail, not a feature: identifier").
    /// </summary>
    public static IReadOnlyList<(string Column, string Role)> Describe(IReadOnlyList<string> header, ColumnSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Select(h => (h, Role(h.Trim(), schema?.Columns.FirstOrDefault(c => string.Equals(c.Name.Trim(), h.Trim(), StringComparison.OrdinalIgnoreCase))))).ToList();
    }

    /// <summary>The typed extra columns of <paramref name="file"/>, levels fitted on every client up to its newest day; null when it has none.</summary>
    public static ColumnSchema? Schema(TransactionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ledger = PurchaseLedger.From(file.Transactions, file.Details);
        return TransactionColumnFitter.Fit(ledger, _ => true, ledger.Newest);
    }

    private static string Role(string name, ColumnSpec? spec)
    {
        bool In(string[] names) => names.Contains(name, StringComparer.OrdinalIgnoreCase);
        return In(TransactionsCsvOptions.IdNames) ? "client id"
            : In(TransactionsCsvOptions.DateNames) ? "date"
            : In(TransactionsCsvOptions.AmountNames) ? "amount"
            : In(TransactionsCsvOptions.OrderNames) ? "order id"
            : In(TransactionsCsvOptions.CurrencyNames) ? "currency"
            : spec is { Used: true } ? $"feature: categorical, {spec.Levels.Count} level{(spec.Levels.Count == 1 ? string.Empty : "s")}"
            : spec is not null ? "detail, not a feature: " + spec.WhyNot
            : In(TransactionsCsvOptions.DetailNames) ? "detail"
            : "not read";
    }
}
