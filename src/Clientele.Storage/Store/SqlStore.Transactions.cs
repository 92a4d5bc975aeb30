using System.Data.Common;
using System.Globalization;
using Clientele.Core.History;
using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    private const string TransactionColumns = "id, client_id, order_id, tx_date, amount, currency, amount_key";

    public TransactionAppend AppendTransactions(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var clients = transactions.Select(t => t.ClientId).Distinct(StringComparer.Ordinal).ToList();
        var orderIds = transactions.Where(t => t.OrderId is not null).Select(t => t.OrderId!).Distinct(StringComparer.Ordinal).ToList();
        return InTransaction((c, tx) =>
        {
            // Two posts of the same file must not both see "not held yet" and both write it.
            LockForUpdate(c, tx);
            var held = HeldTransactions(c, tx, clients, orderIds);
            var fresh = new List<Transaction>();
            foreach (var t in transactions)
            {
                if (t.OrderId is { } order)
                {
                    if (held.Orders.TryGetValue(order, out var stored))
                    {
                        if (!SameContent(stored, t))
                        {
                            throw new TransactionConflictException(order, t.Line);
                        }

                        continue;
                    }

                    held.Orders[order] = t;
                    fresh.Add(t);
                    continue;
                }

                // Without an order id, a row is told apart only by client, date, amount and currency: a count per key
                // keeps two identical purchases of one file, and a second post of the same file adds none.
                var key = UnorderedKey(t);
                var count = held.Unordered.GetValueOrDefault(key);
                if (count > 0)
                {
                    held.Unordered[key] = count - 1;
                    continue;
                }

                fresh.Add(t);
            }

            MultiRow.Insert(c, tx, RowsPerStatement, "INSERT INTO transactions (client_id, order_id, tx_date, amount, currency, amount_key) VALUES",
                string.Empty, fresh, t =>
                {
                    var (amount, keyId) = SealNote(t.ClientId, t.Amount.ToString("R", CultureInfo.InvariantCulture));
                    return [t.ClientId, t.OrderId, DateValue(t.Date), amount, t.Currency, keyId];
                });
            return new TransactionAppend(transactions.Count, fresh.Count, transactions.Count - fresh.Count, clients.Count);
        });
    }

    public IReadOnlyList<Transaction> GetTransactions(string clientId) =>
        WithConnection(c => Query(
            c,
            $"SELECT {TransactionColumns} FROM transactions WHERE client_id = @clientId ORDER BY tx_date, id",
            new { clientId },
            ReadTransaction));

    public IReadOnlyList<Transaction> AllTransactions() =>
        WithConnection(c => Query(c, $"SELECT {TransactionColumns} FROM transactions ORDER BY id", null, ReadTransaction));

    public int TransactionCount() => WithConnection(c => c.ExecuteScalar<int>("SELECT COUNT(*) FROM transactions"));

    /// <summary>Re-seals every transaction amount not under the current key; the count rewritten.</summary>
    private int RotateTransactions(DbConnection c, DbTransaction tx, string currentId)
    {
        var stale = c.Query<(long Id, string ClientId, string Amount, string? KeyId)>(
            "SELECT id, client_id, amount, amount_key FROM transactions WHERE amount_key IS NULL OR amount_key <> @currentId",
            new { currentId },
            tx).ToList();
        foreach (var row in stale)
        {
            var (amount, keyId) = SealNote(row.ClientId, OpenNote(row.ClientId, row.Amount, row.KeyId));
            c.Execute("UPDATE transactions SET amount = @amount, amount_key = @keyId WHERE id = @Id", new { amount, keyId, row.Id }, tx);
        }

        return stale.Count;
    }

    /// <summary>
    /// What the store holds that the batch could repeat: every order of the batch's order ids (under any client: an
    /// order id is the till's, unique across clients) and, per key, how many unordered rows the batch's clients have.
    /// </summary>
    private (Dictionary<string, Transaction> Orders, Dictionary<string, int> Unordered) HeldTransactions(DbConnection c, DbTransaction tx,
        List<string> clients, List<string> orderIds)
    {
        var orders = new Dictionary<string, Transaction>(StringComparer.Ordinal);
        var unordered = new Dictionary<string, int>(StringComparer.Ordinal);
        ReadWhereIn(c, tx, "order_id", orderIds, t => orders[t.OrderId!] = t);
        ReadWhereIn(c, tx, "client_id", clients, t =>
        {
            if (t.OrderId is null)
            {
                var key = UnorderedKey(t);
                unordered[key] = unordered.GetValueOrDefault(key) + 1;
            }
        });
        return (orders, unordered);
    }

    private void ReadWhereIn(DbConnection c, DbTransaction tx, string column, List<string> keys, Action<Transaction> each)
    {
        foreach (var chunk in keys.Chunk(HeldChunk))
        {
            var p = new DynamicParameters();
            var names = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var name = "k" + i.ToString(CultureInfo.InvariantCulture);
                names.Add("@" + name);
                p.Add(name, chunk[i]);
            }

            using var reader = (DbDataReader)c.ExecuteReader(
                $"SELECT {TransactionColumns} FROM transactions WHERE {column} IN ({string.Join(", ", names)})", p, tx);
            while (reader.Read())
            {
                each(ReadTransaction(reader));
            }
        }
    }

    /// <summary>Client ids per lookup statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.</summary>
    private const int HeldChunk = 500;

    private Transaction ReadTransaction(DbDataReader r)
    {
        var clientId = r.GetString(1);
        var amount = double.Parse(OpenNote(clientId, r.GetString(4), ReadNullableString(r, 6)), CultureInfo.InvariantCulture);
        return new Transaction(clientId, ReadDate(r, 3), amount, ReadNullableString(r, 2), ReadNullableString(r, 5));
    }

    private static bool SameContent(Transaction a, Transaction b) =>
        a.ClientId == b.ClientId && a.Date == b.Date && a.Amount.Equals(b.Amount) && string.Equals(a.Currency, b.Currency, StringComparison.Ordinal);

    private static string UnorderedKey(Transaction t) =>
        string.Join('\u001f', t.ClientId, t.Date.DayNumber.ToString(CultureInfo.InvariantCulture), t.Amount.ToString("R", CultureInfo.InvariantCulture), t.Currency ?? string.Empty);
}
