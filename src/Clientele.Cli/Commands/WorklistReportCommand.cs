using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Errors;
using Clientele.Core.History;
using Clientele.Core.Worklist;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="WorklistReportCommand"/>.</summary>
public sealed class WorklistReportSettings : StoreSettings, ITransactionsFile
{
    [CommandOption("--transactions <FILE>")]
    [Description("Purchases that followed the worklists (client_id,date,amount,…). (required)")]
    public string? Transactions { get; init; }

    [CommandOption("--assignments <FILE>")]
    [Description("Assignments written by 'clientele worklist --assignments'. Default: the ones recorded in the store (--db).")]
    public string? Assignments { get; init; }

    [CommandOption("--days <N>")]
    [Description("A purchase within N days after the worklist's date counts as following it.")]
    [DefaultValue(Core.Defaults.ContactEffectDays)]
    public int Days { get; init; } = Core.Defaults.ContactEffectDays;

    [CommandOption("--seed <N>")]
    [Description("Seed of the bootstrap interval.")]
    [DefaultValue(Core.Defaults.Seed)]
    public int Seed { get; init; } = Core.Defaults.Seed;

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

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of the table.")]
    public bool Json { get; init; }

    string? ITransactionsFile.IdColumn => TxIdColumn;

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Transactions) ? Spectre.Console.ValidationResult.Error("--transactions <FILE> is required")
        : Days is < 1 or > 366 ? Spectre.Console.ValidationResult.Error("--days must be 1..366")
        : base.Validate();
}

/// <summary><c>clientele worklist-report</c>: purchases after the worklist, listed clients against the held-out control group.</summary>
public sealed class WorklistReportCommand : Command<WorklistReportSettings>
{
    public override int Execute(CommandContext context, WorklistReportSettings settings, CancellationToken cancellationToken)
    {
        List<Assignment> assignments;
        var source = settings.Assignments ?? "--db";
        if (settings.Assignments is { } path)
        {
            using var reader = Inputs.Open(path);
            assignments = AssignmentsCsv.Read(reader, path);
        }
        else
        {
            using var store = settings.OpenStore();
            assignments = store.ListAssignments().Select(a => new Assignment(a.ClientId, a.AsOf, a.Group == WorklistCsv.ControlGroupName, a.Rule, a.Action, a.Due)).ToList();
        }

        if (assignments.Count == 0)
        {
            throw new ClienteleInputException(source, null, null, WorklistMessages.NoAssignments);
        }

        if (!assignments.Any(a => a.Control))
        {
            throw new ClienteleInputException(source, null, null, WorklistMessages.NoControlGroup);
        }

        var (transactions, _) = TransactionInputs.Read(settings);
        var ledger = PurchaseLedger.From(transactions);
        var effect = new ContactEffectOptions { Days = settings.Days, Seed = settings.Seed }.Measure(assignments, ledger, ledger.Newest);
        if (settings.Json)
        {
            CliIO.Out.WriteLine(new JsonObject
            {
                ["days"] = settings.Days,
                ["listed"] = effect.Listed,
                ["listed_bought"] = effect.ListedBought,
                ["listed_rate"] = Round(effect.ListedRate),
                ["control"] = effect.Control,
                ["control_bought"] = effect.ControlBought,
                ["control_rate"] = Round(effect.ControlRate),
                ["difference"] = Round(effect.Difference),
                ["interval"] = new JsonArray(Round(effect.Low), Round(effect.High)),
                ["verdict"] = effect.Verdict,
                ["pending"] = effect.Pending,
            }.ToJsonString());
            return 0;
        }

        CliIO.Out.WriteLine($"purchases within {settings.Days} days of the worklist (listed vs held-out control group, intent to treat):");
        CliIO.Out.WriteLine($"  listed   {effect.ListedBought,6:N0} of {effect.Listed,6:N0}  {Percent(effect.ListedRate)}");
        CliIO.Out.WriteLine($"  control  {effect.ControlBought,6:N0} of {effect.Control,6:N0}  {Percent(effect.ControlRate)}");
        CliIO.Out.WriteLine($"  difference {Points(effect.Difference)} points, 95 % interval [{Points(effect.Low)}, {Points(effect.High)}]: {effect.Verdict}"
            + (effect.Pending > 0 ? $" ({effect.Pending:N0} assignments whose window is not over yet left out)" : string.Empty));
        return 0;
    }

    private static JsonValue? Round(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 4)) : null;

    private static string Percent(double v) => double.IsFinite(v) ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Points(double v) => double.IsFinite(v) ? (100 * v).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";
}
