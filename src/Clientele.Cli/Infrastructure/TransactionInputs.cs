using System.Globalization;
using Clientele.Core.Errors;
using Clientele.Core.History;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Workflows.Training;

namespace Clientele.Cli.Infrastructure;

/// <summary>The CLI's edge for purchase history: opens the transactions (and fx-rates) files and hands Core readers.</summary>
public static class TransactionInputs
{
    /// <summary>
    /// Reads the transactions. A bad row stops the run unless --skip-bad-rows: a dropped purchase changes every
    /// client figure downstream, so leaving rows out has to be asked for.
    /// </summary>
    public static (List<Transaction> Transactions, IngestReport Report) Read(ITransactionsFile settings)
    {
        var (file, report) = ReadWith(settings, details: false);
        return (file.Transactions, report);
    }

    /// <summary>As <see cref="Read(ITransactionsFile)"/>, with the file's extra columns (what training and scoring read as features).</summary>
    public static (TransactionFile File, IngestReport Report) ReadFile(ITransactionsFile settings) => ReadWith(settings, details: true);

    private static (TransactionFile File, IngestReport Report) ReadWith(ITransactionsFile settings, bool details)
    {
        var path = settings.Transactions!;
        var options = new TransactionsCsvOptions
        {
            IdColumn = settings.IdColumn,
            DateColumn = settings.DateColumn,
            AmountColumn = settings.AmountColumn,
            DecimalComma = settings.DecimalComma,
            FxRates = settings.FxRates is null ? null : Rates(settings.FxRates),
        };
        using var reader = Inputs.Open(path);
        var report = new IngestReport(path);
        var file = details ? TransactionsCsv.Read(reader, path, report, options)
            : new TransactionFile(TransactionsCsv.ReadAll(reader, path, report, options), TransactionDetails.None);
        if (report.Rejected > 0 && !settings.SkipBadRows)
        {
            var first = report.Issues.First(i => !i.Reason.StartsWith("warning: ", StringComparison.Ordinal));
            throw new ClienteleInputException(path, first.Line, first.Column,
                first.Reason + CliMessages.BadTransactionRows(report.Rejected));
        }

        Inputs.Tell(report);
        return (file, report);
    }

    /// <summary>
    /// Reads the transactions and, when a notes file is given, the notes (with <paramref name="lexicon"/>, else the one
    /// <paramref name="lexiconPath"/> names): what training, scoring and the backtest from transactions read.
    /// </summary>
    public static PurchaseData Data(ITransactionsFile tx, string? notesPath, NotesCsvOptions notesOptions, string? lexiconPath, ConceptLexicon? lexicon,
        IProgress<string> progress)
    {
        progress.Report("read transactions");
        var (file, _) = ReadFile(tx);
        var ledger = PurchaseLedger.From(file.Transactions, file.Details);
        List<Note> notes = [];
        if (notesPath is not null)
        {
            progress.Report("read notes");
            IngestReport report;
            (notes, report) = Inputs.Notes(notesPath, notesOptions);
            Inputs.Tell(report);
        }

        return new PurchaseData(ledger, notes, lexicon ?? Inputs.Lexicon(lexiconPath), tx.Transactions!);
    }

    /// <summary>The newest date of the transactions or the notes: the default as-of of training from transactions.</summary>
    public static DateOnly Newest(PurchaseData data)
    {
        var newest = data.Ledger.Newest;
        foreach (var n in data.Notes)
        {
            if (n.Date is { } d && d > newest)
            {
                newest = d;
            }
        }

        return newest;
    }

    /// <summary>The windows of --horizon-days, --churn-days and --value-days, or the validation error of the first out of range.</summary>
    public static Spectre.Console.ValidationResult CheckWindows(int horizon, int churn, int value) =>
        horizon < 1 ? Spectre.Console.ValidationResult.Error("--horizon-days must be at least 1")
        : churn < 1 ? Spectre.Console.ValidationResult.Error("--churn-days must be at least 1")
        : value < 1 ? Spectre.Console.ValidationResult.Error("--value-days must be at least 1")
        : Spectre.Console.ValidationResult.Success();

    /// <summary>Reads the transactions (<see cref="Read"/>) and settles the as-of date (<see cref="AsOf"/>): how rfm and history start.</summary>
    public static (List<Transaction> Transactions, IngestReport Report, DateOnly AsOf) ReadAsOf(TransactionsSettings settings)
    {
        var (transactions, report) = Read(settings);
        return (transactions, report, AsOf(settings, transactions));
    }

    /// <summary>The as-of date asked for, else the newest transaction date.</summary>
    public static DateOnly AsOf(TransactionsSettings settings, List<Transaction> transactions)
    {
        if (settings.AsOfDate is { } d)
        {
            return d;
        }

        var newest = DateOnly.MinValue;
        foreach (var t in transactions)
        {
            if (t.Date > newest)
            {
                newest = t.Date;
            }
        }

        return newest;
    }

    private static Dictionary<string, double> Rates(string path)
    {
        using var reader = Inputs.Open(path);
        using var sep = CsvInput.OpenReader(reader, path);
        var currency = CsvInput.FindColumn(sep.Header, path, "currency", null, "currency", "ccy");
        var rate = CsvInput.FindColumn(sep.Header, path, "rate", null, "rate_to_base", "rate");
        var rates = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sep)
        {
            var code = CsvInput.Cell(row, currency).Trim();
            var text = CsvInput.Cell(row, rate).Trim();
            if (code.Length == 0 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || !(r > 0) || !double.IsFinite(r))
            {
                throw new ClienteleInputException(path, row.LineNumberFrom, rate + 1, $"rate '{Messages.Truncate(text)}' for '{Messages.Truncate(code)}' is not a positive number");
            }

            rates[code] = r;
        }

        return rates;
    }
}
