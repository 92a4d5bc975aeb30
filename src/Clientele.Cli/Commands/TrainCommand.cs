using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Features;
using Clientele.Core.History;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="TrainCommand"/>.</summary>
public sealed class TrainSettings : TrainingSettings, ITransactionsFile
{
    [CommandOption("--transactions <FILE>")]
    [Description("Train from purchase history: outcomes after the cutoff (--as-of minus the longest window) become the labels, RFM and BG/NBD + Gamma-Gamma the features; --notes becomes optional.")]
    public string? Transactions { get; init; }

    [CommandOption("--horizon-days <DAYS>")]
    [Description("With --transactions: purchased = a purchase within DAYS.")]
    [DefaultValue(PurchaseWindows.DefaultHorizonDays)]
    public int HorizonDays { get; init; } = PurchaseWindows.DefaultHorizonDays;

    [CommandOption("--churn-days <DAYS>")]
    [Description("With --transactions: churned = no purchase within DAYS (clients who had bought before only).")]
    [DefaultValue(PurchaseWindows.DefaultChurnDays)]
    public int ChurnDays { get; init; } = PurchaseWindows.DefaultChurnDays;

    [CommandOption("--value-days <DAYS>")]
    [Description("With --transactions: lifetime value = net spend within DAYS.")]
    [DefaultValue(PurchaseWindows.DefaultValueDays)]
    public int ValueDays { get; init; } = PurchaseWindows.DefaultValueDays;

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

    [CommandOption("--scores <FILE>")]
    [Description("With --transactions: also score every client known at --as-of (features as of it) into this CSV.")]
    public string? Scores { get; init; }

    string? ITransactionsFile.IdColumn => TxIdColumn;

    /// <summary>The outcome windows (valid after <see cref="Validate"/>).</summary>
    public PurchaseWindows Windows => new(HorizonDays, ChurnDays, ValueDays);

    protected override bool NotesRequired => Transactions is null;

    [CommandOption("--tier <TIER>")]
    [Description("fast (one random forest per target) or elite (forest + boosting + linear, soft voting).")]
    [DefaultValue("fast")]
    public string Tier { get; init; } = "fast";

    [CommandOption("--out <DIR>")]
    [Description("Directory of the model bundle (replaced atomically, only when training succeeds).")]
    public string? Out { get; init; }

    public Tier ParsedTier => Tier.Equals("elite", StringComparison.OrdinalIgnoreCase) ? Core.Features.Tier.Elite : Core.Features.Tier.Fast;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (!Tier.Equals("fast", StringComparison.OrdinalIgnoreCase) && !Tier.Equals("elite", StringComparison.OrdinalIgnoreCase))
        {
            return Spectre.Console.ValidationResult.Error($"--tier '{Tier}' is not fast or elite");
        }

        if (Transactions is null && Scores is not null)
        {
            return Spectre.Console.ValidationResult.Error("--scores needs --transactions (without them, score with 'clientele predict')");
        }

        if (Transactions is not null && TransactionInputs.CheckWindows(HorizonDays, ChurnDays, ValueDays) is { Successful: false } bad)
        {
            return bad;
        }

        return string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <DIR> is required") : base.Validate();
    }
}

/// <summary><c>clientele train</c>: features, labels, models, evaluation, bundle.</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var trained = settings.Transactions is null
            ? Pipeline.TrainVersion(settings, settings.ParsedTier, settings.Out!, started, progress, seconds)
            : PurchasePipeline.TrainVersion(settings, started, progress, seconds);
        var json = trained.Report;
        if (trained.Model.Report.SampledClients is { } sampled)
        {
            CliIO.Err.WriteLine("note: " + CliMessages.TrainedOnSample(sampled, trained.Model.Report.Clients));
        }

        json["seconds"]!["save"] = Math.Round(seconds["save"], 4);
        json["out"] = settings.Out;
        if (settings.Json)
        {
            CliIO.Out.WriteLine(json.ToJsonString());
        }
        else
        {
            ReportTable.Write(trained.Model.Report);
            if (trained.Model.Report.Schema is { } schema)
            {
                foreach (var line in Core.Columns.SchemaReport.Lines(schema.Columns))
                {
                    CliIO.Out.WriteLine(line);
                }
            }

            if (trained.Model.Report.PurchaseColumns is { } purchaseColumns)
            {
                // "transactions schema: 2 extra columns", then the same table as the notes' columns.
                foreach (var line in Core.Columns.SchemaReport.Lines(purchaseColumns.Columns).Select((l, i) => i == 0 ? "transactions " + l : l))
                {
                    CliIO.Out.WriteLine(line);
                }
            }

            CliIO.Out.WriteLine($"bundle → {trained.Directory} (version {trained.Version}; {settings.Out}/current names it)");
        }

        return 0;
    }
}
