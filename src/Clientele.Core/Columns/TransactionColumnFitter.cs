using Clientele.Core.History;

namespace Clientele.Core.Columns;

/// <summary>
/// Types the extra columns of the transactions (as <see cref="ColumnTyper"/> types the notes' ones, counted over rows
/// and clients) and fits the levels of the categorical ones on the training clients: what the transaction column
/// block reads. Identifiers (a line id, one value per row or per client), numbers (a quantity: spend already is a
/// purchase feature) and free text are not features.
/// </summary>
internal static class TransactionColumnFitter
{
    /// <summary>
    /// The schema of <paramref name="ledger"/>'s extra columns, levels counted over the clients
    /// <paramref name="isTraining"/> accepts by their purchase days up to <paramref name="asOf"/>; null when it has none.
    /// </summary>
    public static ColumnSchema? Fit(PurchaseLedger ledger, Func<string, bool> isTraining, DateOnly asOf)
    {
        if (ledger.DetailColumns.Length == 0)
        {
            return null;
        }

        var specs = new List<ColumnSpec>(ledger.DetailColumns.Length);
        for (var c = 0; c < ledger.DetailColumns.Length; c++)
        {
            var spec = Infer(ledger.DetailColumns[c], ledger.ClientIds.Count);
            if (spec.Used)
            {
                var levels = Levels(ledger, c, isTraining, asOf);
                spec = levels.Length == 0 ? spec with { Exclusion = ColumnExclusion.TooSparse } : spec with { Levels = levels };
            }

            specs.Add(spec);
        }

        return new ColumnSchema(specs);
    }

    /// <summary>The type and fate of one column from its level counts (the identifier, number and text rules of the notes' columns).</summary>
    internal static ColumnSpec Infer(DetailColumn column, int clients)
    {
        long rows = 0, numbers = 0, length = 0, contacts = 0;
        for (var l = 0; l < column.Levels.Length; l++)
        {
            var level = column.Levels[l];
            var n = column.Rows[l];
            rows += n;
            numbers += ColumnValues.TryNumber(level, out _) ? n : 0;
            length += (long)level.Length * n;
            contacts += ColumnValues.LooksLikeEmail(level) || ColumnValues.LooksLikePhone(level) ? n : 0;
        }

        var distinct = column.Levels.Length;
        var counted = column.Clients >= Defaults.IdentifierMinClients;
        var identifier = (counted && distinct >= Defaults.IdentifierDistinctShare * column.Clients)
            || (ColumnTyper.HeaderNamesPerson(column.Name) && distinct >= Defaults.IdentifierHeaderDistinctShare * column.Clients)
            || (rows > 0 && contacts >= Defaults.IdentifierPatternShare * rows);
        var type = identifier ? ColumnType.Identifier
            : rows > 0 && numbers >= Defaults.ColumnNumericShare * rows ? ColumnType.Numeric
            : rows > 0 && (double)length / rows >= Defaults.TextMeanLength ? ColumnType.Text
            : ColumnType.Categorical;
        var coverage = clients == 0 ? 0 : (double)column.Clients / clients;
        var exclusion = type switch
        {
            ColumnType.Identifier => ColumnExclusion.Identifier,
            ColumnType.Numeric => ColumnExclusion.Numeric,
            ColumnType.Text => ColumnExclusion.Text,
            _ when coverage < Defaults.ColumnMinCoverage => ColumnExclusion.TooSparse,
            _ when distinct <= 1 => ColumnExclusion.Constant,
            _ => ColumnExclusion.None,
        };
        return new ColumnSpec(column.Name, type, type, exclusion, coverage, distinct);
    }

    /// <summary>Levels bought by at least the floor of training clients, most clients first (ties by ordinal text), at most the cap.</summary>
    private static string[] Levels(PurchaseLedger ledger, int c, Func<string, bool> isTraining, DateOnly asOf)
    {
        var column = ledger.DetailColumns[c];
        var clients = new int[column.Levels.Length];
        var lastClient = new int[column.Levels.Length];
        Array.Fill(lastClient, -1);
        var training = 0;
        for (var k = 0; k < ledger.ClientIds.Count; k++)
        {
            var id = ledger.ClientIds[k];
            if (!isTraining(id) || ledger.For(id)?.Details is not { } details)
            {
                continue;
            }

            training++;
            var days = details.Days[c];
            var end = days.End(asOf);
            for (var i = 0; i < end; i++)
            {
                var l = days.Levels[i];
                if (lastClient[l] != k)
                {
                    lastClient[l] = k;
                    clients[l]++;
                }
            }
        }

        var floor = Math.Max(Defaults.TransactionLevelMinClients, (int)Math.Ceiling(Defaults.TransactionLevelMinShare * training));
        return Enumerable.Range(0, clients.Length).Where(l => clients[l] >= floor)
            .OrderByDescending(l => clients[l]).ThenBy(l => column.Levels[l], StringComparer.Ordinal)
            .Take(Defaults.TransactionColumnMaxLevels).Select(l => column.Levels[l]).ToArray();
    }
}
