using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Errors;
using Clientele.Core.History;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="HistoryCommand"/>.</summary>
public sealed class HistorySettings : TransactionsSettings
{
    [CommandOption("--horizon-days <DAYS>")]
    [Description("Horizon of p_purchase_horizon, expected_purchases_horizon and expected_spend.")]
    [DefaultValue(90)]
    public int HorizonDays { get; init; } = 90;

    [CommandOption("--clv-months <MONTHS>")]
    [Description("Months of customer lifetime value (30-day months).")]
    [DefaultValue(12)]
    public int ClvMonths { get; init; } = 12;

    [CommandOption("--discount-monthly <RATE>")]
    [Description("Monthly discount rate of the CLV (0.01 ≈ 12.7% a year).")]
    [DefaultValue(0.01)]
    public double DiscountMonthly { get; init; } = 0.01;

    [CommandOption("--holdout-days <DAYS>")]
    [Description("Check the model on the DAYS after --as-of: actual vs expected repeat purchases by calibration frequency.")]
    public int? HoldoutDays { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Per client: client_id,frequency,recency,T,monetary_value,p_alive,p_purchase_horizon,expected_purchases_horizon,expected_spend (over the horizon),clv.")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        HorizonDays < 1 ? Spectre.Console.ValidationResult.Error("--horizon-days must be at least 1")
        : ClvMonths is < 1 or > 1200 ? Spectre.Console.ValidationResult.Error("--clv-months must be 1..1200")
        : !(DiscountMonthly >= 0 && DiscountMonthly < 1) ? Spectre.Console.ValidationResult.Error("--discount-monthly must be in [0, 1)")
        : HoldoutDays is < 1 ? Spectre.Console.ValidationResult.Error("--holdout-days must be at least 1")
        : base.Validate();
}

/// <summary>
/// <c>clientele history</c>: BG/NBD purchases and Gamma-Gamma spend fitted on the transactions up to --as-of, per-client
/// predictions (alive, next purchase, spend, CLV) and, with --holdout-days, a check against what happened next.
/// </summary>
public sealed class HistoryCommand : Command<HistorySettings>
{
    public const string Header = "client_id,frequency,recency,T,monetary_value,p_alive,p_purchase_horizon,expected_purchases_horizon,expected_spend,clv";

    public override int Execute(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var (transactions, _, asOf) = TransactionInputs.ReadAsOf(settings);
        var period = settings.Unit;
        var rfm = RfmSummary.Compute(transactions, asOf, period);
        if (rfm.Rows.Count == 0)
        {
            throw new ClienteleInputException(settings.Transactions!, null, null, HistoryMessages.NoClients + $" ({asOf:yyyy-MM-dd})");
        }

        if (!rfm.Rows.Any(r => r.Frequency > 0 && r.MonetaryValue > 0))
        {
            throw new ClienteleInputException(settings.Transactions!, null, null, HistoryMessages.NoRepeatBuyers);
        }

        progress.Report($"fit BG/NBD and Gamma-Gamma on {rfm.Rows.Count:N0} clients as of {asOf:yyyy-MM-dd}");
        var bgnbd = new BgNbdOptions().Fit(rfm.Rows);
        var gg = new GammaGammaOptions().Fit(rfm.Rows);
        HoldoutCheck? holdout = null;
        if (settings.HoldoutDays is { } days)
        {
            progress.Report($"check the {days} days after {asOf:yyyy-MM-dd}");
            holdout = HoldoutCheck.Run(rfm, transactions, days, bgnbd);
        }

        if (settings.Out is not null)
        {
            progress.Report($"predict {rfm.Rows.Count:N0} clients");
            WritePredictions(settings, rfm, bgnbd, gg);
        }

        var seconds = Math.Round(progress.Elapsed.TotalSeconds, 4);
        if (settings.Json)
        {
            CliIO.Out.WriteLine(Json(rfm, bgnbd, gg, holdout, seconds).ToJsonString());
        }
        else
        {
            Print(rfm, bgnbd, gg, holdout, seconds, settings.Out);
        }

        return 0;
    }

    private static void WritePredictions(HistorySettings s, RfmSummary rfm, BgNbdModel bgnbd, GammaGammaModel gg)
    {
        var rows = rfm.Rows;
        var horizon = s.HorizonDays / RfmSummary.DaysPer(rfm.Period);
        var lines = new string[rows.Count];
        // Each client is independent and CLV alone is a dozen 2F1 evaluations, so the cores share the clients.
        Parallel.For(0, rows.Count, i =>
        {
            var r = rows[i];
            var expected = bgnbd.ExpectedPurchases(horizon, r.Frequency, r.Recency, r.T);
            lines[i] = string.Join(',', HistoryCsv.Id(r.ClientId), r.Frequency.ToString(CultureInfo.InvariantCulture), HistoryCsv.N(r.Recency), HistoryCsv.N(r.T),
                HistoryCsv.N(r.MonetaryValue), HistoryCsv.N(bgnbd.ProbabilityAlive(r.Frequency, r.Recency, r.T)),
                HistoryCsv.N(bgnbd.ProbabilityOfPurchaseWithin(horizon, r.Frequency, r.Recency, r.T)), HistoryCsv.N(expected),
                HistoryCsv.N(expected * gg.ExpectedAverageSpend(r.Frequency, r.MonetaryValue)),
                HistoryCsv.N(BtydClv.Compute(bgnbd, gg, r.Frequency, r.Recency, r.T, r.MonetaryValue, s.ClvMonths, s.DiscountMonthly, rfm.Period)));
        });
        AtomicFile.WriteText(s.Out!, writer =>
        {
            writer.WriteLine(Header);
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        });
    }

    private static JsonObject Json(RfmSummary rfm, BgNbdModel bgnbd, GammaGammaModel gg, HoldoutCheck? holdout, double seconds)
    {
        var result = new JsonObject
        {
            ["bgnbd"] = new JsonObject { ["r"] = Num(bgnbd.R), ["alpha"] = Num(bgnbd.Alpha), ["a"] = Num(bgnbd.A), ["b"] = Num(bgnbd.B), ["log_likelihood"] = Num(bgnbd.LogLikelihood) },
            ["gamma_gamma"] = new JsonObject { ["p"] = Num(gg.P), ["q"] = Num(gg.Q), ["v"] = Num(gg.V) },
            ["clients"] = rfm.Rows.Count,
            ["as_of"] = rfm.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["period"] = rfm.Period.ToString().ToLowerInvariant(),
        };
        if (holdout is not null)
        {
            result["holdout"] = new JsonObject
            {
                ["days"] = holdout.Days,
                ["bins"] = new JsonArray([.. holdout.Bins.Select(b => (JsonNode)new JsonObject
                {
                    ["frequency"] = b.Frequency,
                    ["and_more"] = b.AndMore,
                    ["clients"] = b.Clients,
                    ["actual"] = Num(Math.Round(b.Actual, 6)),
                    ["expected"] = Num(Math.Round(b.Expected, 6)),
                })]),
                ["total_actual"] = holdout.TotalActual,
                ["total_expected"] = Num(Math.Round(holdout.TotalExpected, 4)),
                ["weekly"] = new JsonArray([.. holdout.Weekly.Select(w => (JsonNode)new JsonObject
                {
                    ["week"] = w.Week,
                    ["actual"] = w.Actual,
                    ["expected"] = Num(Math.Round(w.Expected, 4)),
                })]),
            };
        }

        result["seconds"] = seconds;
        return result;
    }

    /// <summary>JSON has no NaN or infinity; a value the model could not give is null rather than a crash at the end of a run.</summary>
    private static JsonValue? Num(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static void Print(RfmSummary rfm, BgNbdModel bgnbd, GammaGammaModel gg, HoldoutCheck? holdout, double seconds, string? output)
    {
        var o = CliIO.Out;
        var f = CultureInfo.InvariantCulture;
        o.WriteLine($"{rfm.Rows.Count:N0} clients as of {rfm.AsOf:yyyy-MM-dd} (period: {rfm.Period.ToString().ToLowerInvariant()})");
        o.WriteLine(string.Format(f, "BG/NBD       r {0:0.0000}  alpha {1:0.0000}  a {2:0.0000}  b {3:0.0000}  log-likelihood {4:0.00}", bgnbd.R, bgnbd.Alpha, bgnbd.A, bgnbd.B, bgnbd.LogLikelihood));
        o.WriteLine(string.Format(f, "Gamma-Gamma  p {0:0.0000}  q {1:0.0000}  v {2:0.0000}  ({3:N0} repeat buyers)", gg.P, gg.Q, gg.V, gg.Clients));
        if (holdout is not null)
        {
            o.WriteLine($"holdout {holdout.Days} days: repeat purchases per client by calibration frequency");
            o.WriteLine($"{"frequency",-10}{"clients",10}{"actual",10}{"expected",10}");
            foreach (var b in holdout.Bins)
            {
                o.WriteLine(string.Format(f, "{0,-10}{1,10:N0}{2,10:0.000}{3,10:0.000}", b.AndMore ? $"{b.Frequency}+" : b.Frequency.ToString(f), b.Clients, b.Actual, b.Expected));
            }

            o.WriteLine(string.Format(f, "{0,-10}{1,10:N0}{2,10:0}{3,10:0.0}", "total", rfm.Rows.Count, holdout.TotalActual, holdout.TotalExpected));
        }

        o.WriteLine(string.Format(f, "{0:0.000}s", seconds) + (output is null ? string.Empty : $" → {output}"));
    }
}
