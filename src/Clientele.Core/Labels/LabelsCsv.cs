using System.Globalization;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;

namespace Clientele.Core.Labels;

/// <summary>
/// Reads real outcomes: <c>client_id,purchased,churned,lifetime_value</c>, any target column optional,
/// plus optional <c>true_purchase_prob</c> and <c>expected_lifetime_value</c> (generated data). Binary
/// values accept 0/1, 1.0/0.0, true/false, yes/no; a bad cell rejects its row with line and column.
/// </summary>
/// <remarks>
/// Nothing silent (issue 14): a column that is none of <see cref="AcceptedColumns"/> is an error naming it (a typo
/// such as <c>purchsed</c> would otherwise drop a target); so is a file whose target columns have no value;
/// rejected rows are an error unless the allowance permits them, checked after the last row. Whether there are
/// enough labels to fit a model is <see cref="LabelSufficiency"/>'s question, asked by the trainer's caller.
/// </remarks>
public static class LabelsCsv
{
    /// <summary>Accepted names of the client id column.</summary>
    public static readonly string[] IdNames = ["client_id", "id", "clientid"];

    /// <summary>Every column a labels file may have, each with its accepted spellings.</summary>
    public static readonly string[] AcceptedColumns =
        [.. IdNames, "purchased", "purchase", "churned", "churn", "lifetime_value", "clv", "ltv", "true_purchase_prob", "expected_lifetime_value", "true_churn_prob"];

    /// <summary>
    /// Reads a labels file. Rejected rows beyond <paramref name="maxBadRows"/> (default: none) are an error once
    /// the file is read; unknown columns and a file with no usable target are errors at once.
    /// </summary>
    public static LabelSet Read(TextReader reader, string source, IngestReport report, RowAllowance? maxBadRows = null)
    {
        using var sep = CsvInput.OpenReader(reader, source);
        var header = sep.Header;
        var unknown = header.ColNames.Where(n => !AcceptedColumns.Contains(n.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new ClienteleInputException(source, 1, header.ColNames.ToList().IndexOf(unknown[0]) + 1, Messages.UnknownLabelColumns(unknown, AcceptedColumns));
        }

        var id = CsvInput.FindColumn(header, source, "client id", null, IdNames);
        var purchased = CsvInput.TryFindColumn(header, "purchased", "purchase");
        var churned = CsvInput.TryFindColumn(header, "churned", "churn");
        var value = CsvInput.TryFindColumn(header, "lifetime_value", "clv", "ltv");
        var truth = CsvInput.TryFindColumn(header, "true_purchase_prob");
        var expected = CsvInput.TryFindColumn(header, "expected_lifetime_value");
        var churnTruth = CsvInput.TryFindColumn(header, "true_churn_prob");
        if (purchased < 0 && churned < 0 && value < 0)
        {
            throw new ClienteleInputException(source, 1, null, Messages.LabelsNoTarget);
        }

        var labels = new Dictionary<string, ClientLabels>(StringComparer.Ordinal);
        while (CsvInput.MoveNextChecked(sep, source, report))
        {
            var row = sep.Current;
            var line = row.LineNumberFrom;
            var clientId = CsvInput.Cell(row, id).Trim();
            if (clientId.Length == 0)
            {
                if (row.ColCount == 1)
                {
                    report.RowsRead--;
                    continue;
                }

                report.Reject(line, id + 1, Messages.BlankId);
                continue;
            }

            string? error = null;
            var errorColumn = 0;
            var p = Binary(row, purchased, "purchased", ref error, ref errorColumn);
            var c = Binary(row, churned, "churned", ref error, ref errorColumn);
            var v = Number(row, value, "lifetime_value", ref error, ref errorColumn);
            var t = Number(row, truth, "true_purchase_prob", ref error, ref errorColumn);
            var e = Number(row, expected, "expected_lifetime_value", ref error, ref errorColumn);
            var tc = Number(row, churnTruth, "true_churn_prob", ref error, ref errorColumn);
            if (error is not null)
            {
                report.Reject(line, errorColumn, error);
                continue;
            }

            if (!labels.TryAdd(clientId, new ClientLabels(p, c, v, t, e) { TrueChurnProbability = tc }))
            {
                report.Reject(line, id + 1, Messages.DuplicateLabel(clientId));
                continue;
            }

            report.Accepted++;
        }

        if (labels.Count == 0)
        {
            throw new ClienteleInputException(source, null, null, report.RowsRead == 0 ? Messages.HeaderOnly : "no usable label row; first problem: line " + report.Issues[0].Line + ": " + report.Issues[0].Reason);
        }

        NotesCsv.EnforceAllowance(report, maxBadRows ?? RowAllowance.None);
        var set = new LabelSet(source, labels);
        if (set.Targets().Count == 0)
        {
            var targets = new[] { purchased, churned, value }.Where(i => i >= 0).Select(i => header.ColNames[i]);
            throw new ClienteleInputException(source, null, null, Messages.LabelsNoUsableTarget(targets));
        }

        return set;
    }

    private static bool? Binary(nietras.SeparatedValues.SepReader.Row row, int col, string name, ref string? error, ref int errorColumn)
    {
        if (col < 0 || col >= row.ColCount)
        {
            return null;
        }

        var raw = row[col].Span.Trim();
        if (raw.IsEmpty)
        {
            return null;
        }

        var text = raw.ToString().ToLowerInvariant();
        switch (text)
        {
            case "1" or "true" or "yes" or "y" or "t":
                return true;
            case "0" or "false" or "no" or "n" or "f":
                return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && (d == 0 || d == 1))
        {
            return d == 1;
        }

        error ??= Messages.BadBinary(name, text);
        errorColumn = errorColumn == 0 ? col + 1 : errorColumn;
        return null;
    }

    private static double? Number(nietras.SeparatedValues.SepReader.Row row, int col, string name, ref string? error, ref int errorColumn)
    {
        if (col < 0 || col >= row.ColCount)
        {
            return null;
        }

        var raw = row[col].Span.Trim();
        if (raw.IsEmpty)
        {
            return null;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= 0)
        {
            return d;
        }

        error ??= Messages.BadNumber(name, raw.ToString());
        errorColumn = errorColumn == 0 ? col + 1 : errorColumn;
        return null;
    }
}
