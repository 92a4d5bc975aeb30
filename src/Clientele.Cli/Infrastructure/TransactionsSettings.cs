using System.ComponentModel;
using Clientele.Core.History;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>Options every verb that reads purchase transactions shares.</summary>
public class TransactionsSettings : CommandSettings, ITransactionsFile
{
    [CommandOption("--transactions <FILE>")]
    [Description("Transactions CSV: client_id,date,amount (+ optional order_id,quantity,product,category,store,currency,advisor).")]
    public string? Transactions { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("Date the summary is made as of (yyyy-MM-dd); later transactions are left out. Default: the newest transaction date.")]
    public string? AsOf { get; init; }

    [CommandOption("--period <UNIT>")]
    [Description("Time unit of recency, T and the models: day or week.")]
    [DefaultValue("day")]
    public string Period { get; init; } = "day";

    [CommandOption("--tx-id-column <NAME>")]
    [Description("Name of the client id column when it is not one of client_id, id, customer_id.")]
    public string? IdColumn { get; init; }

    [CommandOption("--tx-date-column <NAME>")]
    [Description("Name of the date column when it is not one of date, order_date, transaction_date.")]
    public string? DateColumn { get; init; }

    [CommandOption("--tx-amount-column <NAME>")]
    [Description("Name of the amount column when it is not one of amount, total, value, revenue.")]
    public string? AmountColumn { get; init; }

    [CommandOption("--decimal-comma")]
    [Description("Amounts are written 1.234,56 (',' decimal mark, '.' thousands).")]
    public bool DecimalComma { get; init; }

    [CommandOption("--fx-rates <FILE>")]
    [Description("CSV currency,rate_to_base to convert a file that mixes currencies (amount × rate).")]
    public string? FxRates { get; init; }

    [CommandOption("--skip-bad-rows")]
    [Description("Leave out rows that cannot be read (reported on stderr) instead of stopping at the first.")]
    public bool SkipBadRows { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of tables.")]
    public bool Json { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress on stderr.")]
    public bool Quiet { get; init; }

    public DateOnly? AsOfDate => AsOfOption.Parse(AsOf);

    /// <summary>The parsed <see cref="Period"/> (valid after <see cref="Validate"/>).</summary>
    public Period Unit => string.Equals(Period, "week", StringComparison.OrdinalIgnoreCase) ? Core.History.Period.Week : Core.History.Period.Day;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Transactions))
        {
            return Spectre.Console.ValidationResult.Error("--transactions <FILE> is required");
        }

        if (AsOfOption.Check(AsOf) is { } bad)
        {
            return bad;
        }

        if (Period.ToLowerInvariant() is not ("day" or "week"))
        {
            return Spectre.Console.ValidationResult.Error($"--period must be day or week, not '{Period}'");
        }

        return base.Validate();
    }
}
