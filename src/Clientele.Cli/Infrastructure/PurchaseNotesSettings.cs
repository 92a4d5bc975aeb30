using System.ComponentModel;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// The transaction-file column options of the verbs that score notes and may read purchases instead
/// (<c>predict</c>, <c>worklist</c>), declared once. Each verb declares <c>--transactions</c> itself (its help text
/// says what that verb does with them); with it, <c>--notes</c> is optional.
/// </summary>
public abstract class PurchaseNotesSettings : NotesSettings, ITransactionsFile
{
    /// <summary>The transactions CSV (null: not given); the verb declares the option and its help text.</summary>
    public abstract string? Transactions { get; init; }

    [CommandOption("--tx-id-column <NAME>")]
    [Description("Client id column of the transactions when it is not one of client_id, id, customer_id.")]
    public string? TxIdColumn { get; init; }

    [CommandOption("--tx-date-column <NAME>")]
    [Description("Date column of the transactions when it is not one of date, order_date, transaction_date.")]
    public string? DateColumn { get; init; }

    [CommandOption("--tx-amount-column <NAME>")]
    [Description("Amount column of the transactions when it is not one of amount, total, value, revenue.")]
    public string? AmountColumn { get; init; }

    [CommandOption("--decimal-comma")]
    [Description("Transaction amounts are written 1.234,56.")]
    public bool DecimalComma { get; init; }

    [CommandOption("--fx-rates <FILE>")]
    [Description("CSV currency,rate_to_base for transactions that mix currencies.")]
    public string? FxRates { get; init; }

    [CommandOption("--skip-bad-rows")]
    [Description("Leave out transaction rows that cannot be read (reported on stderr) instead of stopping.")]
    public bool SkipBadRows { get; init; }

    string? ITransactionsFile.IdColumn => TxIdColumn;

    /// <inheritdoc/>
    protected override bool NotesRequired => Transactions is null;
}
