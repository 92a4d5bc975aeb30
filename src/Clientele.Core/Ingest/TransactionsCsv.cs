using System.Globalization;
using Clientele.Core.Errors;
using Clientele.Core.History;
using nietras.SeparatedValues;

namespace Clientele.Core.Ingest;

/// <summary>
/// Reads purchase transactions (<c>client_id,date,amount</c> plus optional <c>order_id,quantity,product,category,
/// store,currency,advisor</c>). A row that cannot be used is counted in the <see cref="IngestReport"/> with its
/// line, column and reason, and the caller decides whether that is fatal. Problems of the file as a whole (mixed
/// currencies without rates, one order id naming two different orders) throw, because no row-level choice fixes them.
/// </summary>
public static class TransactionsCsv
{
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>Reads every transaction; throws when the file has no usable row, mixes currencies, or reuses an order id.</summary>
    public static List<Transaction> ReadAll(TextReader reader, string source, IngestReport report, TransactionsCsvOptions? options = null) =>
        ReadFile(reader, source, report, options, details: false).Transactions;

    /// <summary>
    /// As <see cref="ReadAll"/>, with every extra column (any column that is not the client id, date, amount, order id
    /// or currency) kept row for row in <see cref="TransactionFile.Details"/>: the categorical ones become features.
    /// </summary>
    public static TransactionFile Read(TextReader reader, string source, IngestReport report, TransactionsCsvOptions? options = null) =>
        ReadFile(reader, source, report, options, details: true);

    private static TransactionFile ReadFile(TextReader reader, string source, IngestReport report, TransactionsCsvOptions? options, bool details)
    {
        options ??= TransactionsCsvOptions.Default;
        using var sep = CsvInput.OpenReader(reader, source);
        var header = sep.Header;
        var detailColumns = TransactionsCsvOptions.DetailNames.Select(n => CsvInput.TryFindColumn(header, n)).Where(i => i >= 0).ToArray();
        var c = new Columns(
            CsvInput.FindColumn(header, source, "client id", options.IdColumn, TransactionsCsvOptions.IdNames),
            CsvInput.FindColumn(header, source, "date", options.DateColumn, TransactionsCsvOptions.DateNames),
            CsvInput.FindColumn(header, source, "amount", options.AmountColumn, TransactionsCsvOptions.AmountNames),
            CsvInput.TryFindColumn(header, TransactionsCsvOptions.OrderNames),
            CsvInput.TryFindColumn(header, TransactionsCsvOptions.CurrencyNames),
            detailColumns);
        var roles = new[] { c.Id, c.Date, c.Amount, c.Order, c.Currency };
        var extras = details ? Enumerable.Range(0, header.ColNames.Count).Where(i => !roles.Contains(i)).ToArray() : [];
        var kept = new TransactionDetails(extras.Select(i => header.ColNames[i]).ToArray());
        var state = new State(source, report, options, c);
        long lastLine = 1;
        while (CsvInput.MoveNext(sep, source, lastLine))
        {
            var row = sep.Current;
            lastLine = row.LineNumberToExcl - 1;
            var t = state.Parse(row);
            if (t is not null)
            {
                state.Transactions.Add(t);
                for (var e = 0; e < extras.Length; e++)
                {
                    kept.Add(e, extras[e] < row.ColCount ? row[extras[e]].Span.Trim() : []);
                }

                kept.EndRow();
            }
        }

        if (state.Currencies.Count > 1)
        {
            var second = state.Currencies.Values.Max();
            throw new ClienteleInputException(source, second, c.Currency + 1, HistoryMessages.MixedCurrencies(state.Currencies.Keys.Order(StringComparer.Ordinal)));
        }

        if (state.Transactions.Count == 0)
        {
            throw new ClienteleInputException(source, null, null,
                report.RowsRead == 0 ? Messages.HeaderOnly
                : report.Issues.Count == 0 ? HistoryMessages.NoTransactions
                : $"none of the {report.RowsRead:N0} rows is usable; first problem: line {report.Issues[0].Line}: {report.Issues[0].Reason}");
        }

        return new TransactionFile(state.Transactions, kept);
    }

    /// <summary>Parses yyyy-MM-dd, an ISO date-time (the time of day is dropped) or yyyyMMdd.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> raw, out DateOnly date)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (raw.Length == 8 && DateOnly.TryParseExact(raw, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // Point-of-sale exports carry the time of the sale ("2026-01-08T10:30:00", "2026-01-08 10:30"); the model counts days.
        if (raw.Length >= 10 && raw[4] == '-' && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Parses an amount; with <paramref name="decimalComma"/> '.' groups thousands and ',' is the decimal mark.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> raw, bool decimalComma, out double amount)
    {
        if (!decimalComma)
        {
            return double.TryParse(raw, AmountStyle, CultureInfo.InvariantCulture, out amount) && double.IsFinite(amount);
        }

        // 64 characters is longer than any amount a till writes; a longer cell is not an amount.
        Span<char> buffer = stackalloc char[64];
        var n = 0;
        foreach (var ch in raw)
        {
            if (ch == '.')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                amount = 0;
                return false;
            }

            buffer[n++] = ch == ',' ? '.' : ch;
        }

        return double.TryParse(buffer[..n], AmountStyle, CultureInfo.InvariantCulture, out amount) && double.IsFinite(amount);
    }

    private readonly record struct Columns(int Id, int Date, int Amount, int Order, int Currency, int[] Details)
    {
        public int Required => Math.Max(Id, Math.Max(Date, Amount));
    }

    /// <summary>Where an order id was first read: its line, its transaction, and a hash of the optional detail cells.</summary>
    private readonly record struct OrderSeen(long Line, int Index, int DetailHash);

    private sealed class State(string source, IngestReport report, TransactionsCsvOptions options, Columns c)
    {
        private readonly Dictionary<string, OrderSeen> _orders = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double>? _rates = options.FxRates is null ? null : new(options.FxRates, StringComparer.OrdinalIgnoreCase);

        // One string per client rather than one per row: a client's ids are equal, and at 10M rows the copies alone
        // were 400 MB of a history run's peak.
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public List<Transaction> Transactions { get; } = [];

        /// <summary>Each currency named (without rates) and the first line it appears on.</summary>
        public Dictionary<string, long> Currencies { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Transaction? Parse(SepReader.Row row)
        {
            var line = row.LineNumberFrom;
            report.RowsRead++;
            if (!CsvInput.CheckRow(row, source, report))
            {
                return null;
            }

            if (row.ColCount <= c.Required)
            {
                if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                {
                    report.RowsRead--; // a blank line is not a row
                    return null;
                }

                report.Reject(line, row.ColCount + 1, $"row has {row.ColCount} columns; expected at least {c.Required + 1}");
                return null;
            }

            var id = row[c.Id].Span.Trim();
            if (id.IsEmpty)
            {
                report.Reject(line, c.Id + 1, Messages.BlankId);
                return null;
            }

            var rawDate = row[c.Date].Span.Trim();
            if (!TryParseDate(rawDate, out var date))
            {
                report.Reject(line, c.Date + 1, HistoryMessages.BadTransactionDate(rawDate.ToString()));
                return null;
            }

            if (date < TransactionsCsvOptions.Earliest)
            {
                report.Reject(line, c.Date + 1, HistoryMessages.DateTooEarly(date));
                return null;
            }

            var rawAmount = row[c.Amount].Span.Trim();
            if (!TryParseAmount(rawAmount, options.DecimalComma, out var amount))
            {
                report.Reject(line, c.Amount + 1, !options.DecimalComma && rawAmount.Contains(',')
                    ? HistoryMessages.DecimalCommaAmount(rawAmount.ToString())
                    : HistoryMessages.BadAmount(rawAmount.ToString()));
                return null;
            }

            string? currency = null;
            if (c.Currency >= 0 && c.Currency < row.ColCount && !row[c.Currency].Span.Trim().IsEmpty)
            {
                currency = row[c.Currency].Span.Trim().ToString().ToUpperInvariant();
                if (_rates is not null)
                {
                    if (!_rates.TryGetValue(currency, out var rate))
                    {
                        report.Reject(line, c.Currency + 1, HistoryMessages.UnknownCurrency(currency));
                        return null;
                    }

                    amount *= rate;
                }
                else
                {
                    Currencies.TryAdd(currency, line);
                }
            }

            string? order = null;
            if (c.Order >= 0 && c.Order < row.ColCount && !row[c.Order].Span.Trim().IsEmpty)
            {
                order = row[c.Order].Span.Trim().ToString();
            }

            var t = new Transaction(Intern(id), date, amount, order, currency) { Line = line };
            if (order is not null)
            {
                var detailHash = DetailHash(row);
                if (_orders.TryGetValue(order, out var seen))
                {
                    var first = Transactions[seen.Index];
                    if (first.ClientId == t.ClientId && first.Date == t.Date && first.Amount.Equals(t.Amount) && first.Currency == t.Currency && seen.DetailHash == detailHash)
                    {
                        // Exports that page through orders repeat the last row of a page; one order counted twice would be a phantom purchase.
                        report.Warn(line, c.Order + 1, HistoryMessages.DuplicateOrderMerged(order, seen.Line));
                        return null;
                    }

                    throw new ClienteleInputException(source, line, c.Order + 1, HistoryMessages.ConflictingOrder(order, seen.Line));
                }

                _orders[order] = new OrderSeen(line, Transactions.Count, detailHash);
            }

            report.Accepted++;
            return t;
        }

        private string Intern(ReadOnlySpan<char> id)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(id, out var known))
            {
                known = id.ToString();
                _ids.Add(known);
            }

            return known;
        }

        private int DetailHash(SepReader.Row row)
        {
            var hash = new HashCode();
            foreach (var i in c.Details)
            {
                hash.Add(i < row.ColCount ? string.GetHashCode(row[i].Span.Trim(), StringComparison.Ordinal) : 0);
            }

            return hash.ToHashCode();
        }
    }
}
