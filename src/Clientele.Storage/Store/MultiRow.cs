using System.Data.Common;
using System.Text;

namespace Clientele.Storage.Store;

/// <summary>
/// Batch writes with a given number of rows per statement, the command prepared once per shape and reused
/// with new values. PostgreSQL wants many rows per statement (each statement is a round trip: 2,000 clients
/// with notes and 20,000 concepts took 4.6 s row by row on loopback, 0.6 s at 500 rows); SQLite wants one
/// (no round trips, and it looks parameters up by name in linear time: 500 rows took 8 s, one row 0.4 s).
/// </summary>
internal static class MultiRow
{
    /// <summary>Runs "<paramref name="head"/> (row), (row)… <paramref name="tail"/>" for every chunk of rows.</summary>
    public static void Insert<T>(
        DbConnection connection,
        DbTransaction transaction,
        int rowsPerStatement,
        string head,
        string tail,
        IReadOnlyList<T> rows,
        Func<T, object?[]> values) =>
        Run(connection, transaction, rowsPerStatement, rows, values, tuples: true, list => $"{head} {list} {tail}");

    /// <summary>Runs "<paramref name="head"/> (key, key…)" for every chunk of keys.</summary>
    public static void WhereIn(DbConnection connection, DbTransaction transaction, int rowsPerStatement, string head, IReadOnlyList<string> keys) =>
        Run(connection, transaction, rowsPerStatement, keys, k => [k], tuples: false, list => $"{head} ({list})");

    private static void Run<T>(
        DbConnection connection,
        DbTransaction transaction,
        int rowsPerStatement,
        IReadOnlyList<T> rows,
        Func<T, object?[]> values,
        bool tuples,
        Func<string, string> statement)
    {
        DbCommand? command = null;
        var commandRows = 0;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                var flat = new List<object?>();
                for (var i = start; i < start + count; i++)
                {
                    flat.AddRange(values(rows[i]));
                }

                if (command is null || count != commandRows)
                {
                    command?.Dispose();
                    command = Create(connection, transaction, count, flat.Count / count, tuples, statement);
                    commandRows = count;
                }

                for (var k = 0; k < flat.Count; k++)
                {
                    command.Parameters[k].Value = flat[k] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }
        finally
        {
            command?.Dispose();
        }
    }

    private static DbCommand Create(
        DbConnection connection, DbTransaction transaction, int rows, int width, bool tuples, Func<string, string> statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var list = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            list.Append(i > 0 ? ", " : string.Empty).Append(tuples ? "(" : string.Empty);
            for (var j = 0; j < width; j++)
            {
                var parameter = command.CreateParameter();
                // Named as written in the SQL, prefix included: Microsoft.Data.Sqlite binds an unprefixed name by trying
                // each prefix in turn (three lookups and three strings per value), Npgsql accepts either.
                parameter.ParameterName = $"@p{command.Parameters.Count}";
                list.Append(j > 0 ? ", " : string.Empty).Append(parameter.ParameterName);
                command.Parameters.Add(parameter);
            }

            list.Append(tuples ? ")" : string.Empty);
        }

        command.CommandText = statement(list.ToString());
        return command;
    }
}
