using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.History;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="RfmCommand"/>.</summary>
public sealed class RfmSettings : TransactionsSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Where to write client_id,frequency,recency,T,monetary_value,total_spend,first_purchase,last_purchase,days_since_last.")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required") : base.Validate();
}

/// <summary><c>clientele rfm</c>: recency, frequency and monetary value per client from transactions.</summary>
public sealed class RfmCommand : Command<RfmSettings>
{
    public const string Header = "client_id,frequency,recency,T,monetary_value,total_spend,first_purchase,last_purchase,days_since_last";

    public override int Execute(CommandContext context, RfmSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var (transactions, report, asOf) = TransactionInputs.ReadAsOf(settings);
        progress.Report($"summarise {transactions.Count:N0} transactions as of {asOf:yyyy-MM-dd}");
        var rfm = RfmSummary.Compute(transactions, asOf, settings.Unit);
        AtomicFile.WriteText(settings.Out!, writer =>
        {
            writer.WriteLine(Header);
            foreach (var r in rfm.Rows)
            {
                writer.WriteLine(string.Join(',', HistoryCsv.Id(r.ClientId), r.Frequency.ToString(CultureInfo.InvariantCulture), HistoryCsv.N(r.Recency), HistoryCsv.N(r.T),
                    HistoryCsv.N(r.MonetaryValue), HistoryCsv.N(r.TotalSpend), r.FirstPurchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.LastPurchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DaysSinceLast.ToString(CultureInfo.InvariantCulture)));
            }
        });
        if (settings.Json)
        {
            CliIO.Out.WriteLine(new JsonObject
            {
                ["clients"] = rfm.Rows.Count,
                ["transactions"] = transactions.Count,
                ["rejected_rows"] = report.Rejected,
                ["after_as_of"] = rfm.RowsAfterAsOf,
                ["clients_without_purchase"] = rfm.ClientsWithoutPurchase,
                ["as_of"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["period"] = settings.Unit.ToString().ToLowerInvariant(),
                ["seconds"] = Math.Round(progress.Elapsed.TotalSeconds, 4),
                ["out"] = settings.Out,
            }.ToJsonString());
        }
        else
        {
            var repeat = rfm.Rows.Count(r => r.Frequency > 0);
            CliIO.Out.WriteLine($"{rfm.Rows.Count:N0} clients ({repeat:N0} with repeat purchases) from {transactions.Count:N0} transactions as of {asOf:yyyy-MM-dd}"
                + (rfm.RowsAfterAsOf > 0 ? $", {rfm.RowsAfterAsOf:N0} later ones left out" : string.Empty) + $" → {settings.Out}");
        }

        return 0;
    }
}
