using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Evaluation;
using Clientele.Core.History;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Workflows.Training;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="BacktestCommand"/>.</summary>
public sealed class BacktestSettings : TransactionsSettings
{
    [CommandOption("--notes <FILE>")]
    [Description("Notes CSV of the same clients (optional): notes dated up to each date join the features.")]
    public string? Notes { get; init; }

    [CommandOption("--lexicon <FILE>")]
    [Description("External lexicon CSV for the notes. Default: the built-in lexicon.")]
    public string? Lexicon { get; init; }

    [CommandOption("--id-column <NAME>")]
    [Description("Client id column of the notes when it is not one of client_id, id.")]
    public string? NotesIdColumn { get; init; }

    [CommandOption("--text-column <NAME>")]
    [Description("Note text column when it is not one of transcription, note, notes, text.")]
    public string? TextColumn { get; init; }

    [CommandOption("--horizon-days <DAYS>")]
    [Description("purchased = a purchase within DAYS.")]
    [DefaultValue(PurchaseWindows.DefaultHorizonDays)]
    public int HorizonDays { get; init; } = PurchaseWindows.DefaultHorizonDays;

    [CommandOption("--churn-days <DAYS>")]
    [Description("churned = no purchase within DAYS (clients who had bought before only).")]
    [DefaultValue(PurchaseWindows.DefaultChurnDays)]
    public int ChurnDays { get; init; } = PurchaseWindows.DefaultChurnDays;

    [CommandOption("--value-days <DAYS>")]
    [Description("lifetime value = net spend within DAYS.")]
    [DefaultValue(PurchaseWindows.DefaultValueDays)]
    public int ValueDays { get; init; } = PurchaseWindows.DefaultValueDays;

    [CommandOption("--tier <TIER>")]
    [Description("fast or elite (Elite's vote includes the BG/NBD + Gamma-Gamma member).")]
    [DefaultValue("elite")]
    public string Tier { get; init; } = "elite";

    [CommandOption("--seed <N>")]
    [Description("Random seed (splits, learners, bootstrap).")]
    [DefaultValue(Core.Defaults.Seed)]
    public int Seed { get; init; } = Core.Defaults.Seed;

    [CommandOption("--resamples <N>")]
    [Description("Paired bootstrap resamples of the differences.")]
    [DefaultValue(PairedBootstrap.Resamples)]
    public int Resamples { get; init; } = PairedBootstrap.Resamples;

    public PurchaseWindows Windows => new(HorizonDays, ChurnDays, ValueDays);

    public Core.Features.Tier ParsedTier => Tier.Equals("fast", StringComparison.OrdinalIgnoreCase) ? Core.Features.Tier.Fast : Core.Features.Tier.Elite;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (AsOf is null)
        {
            return Spectre.Console.ValidationResult.Error("--as-of <DATE> is required: the backtest trains on data up to it and compares with what followed");
        }

        if (!Tier.Equals("fast", StringComparison.OrdinalIgnoreCase) && !Tier.Equals("elite", StringComparison.OrdinalIgnoreCase))
        {
            return Spectre.Console.ValidationResult.Error($"--tier '{Tier}' is not fast or elite");
        }

        if (!string.Equals(Period, "day", StringComparison.OrdinalIgnoreCase))
        {
            return Spectre.Console.ValidationResult.Error("--period: the backtest's windows are in days; it takes no --period");
        }

        if (Resamples is < 100 or > 100_000)
        {
            return Spectre.Console.ValidationResult.Error("--resamples must be 100..100000");
        }

        return TransactionInputs.CheckWindows(HorizonDays, ChurnDays, ValueDays) is { Successful: false } bad ? bad : base.Validate();
    }
}

/// <summary>
/// <c>clientele backtest</c>: trains on data up to --as-of only, scores as of it, and compares with what happened
/// next, side by side with BG/NBD + Gamma-Gamma fitted up to --as-of and the trivial baseline, with a paired
/// bootstrap interval of the difference tier − BTYD per target.
/// </summary>
public sealed class BacktestCommand : Command<BacktestSettings>
{
    public override int Execute(CommandContext context, BacktestSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var data = TransactionInputs.Data(settings, settings.Notes, new Core.Ingest.NotesCsvOptions { IdColumn = settings.NotesIdColumn, TextColumn = settings.TextColumn },
            settings.Lexicon, null, progress);
        var options = new TrainingOptions { Tier = settings.ParsedTier, Seed = settings.Seed };
        var result = Backtest.Run(new BacktestRequest(data, settings.AsOfDate!.Value, settings.Windows, options) { Resamples = settings.Resamples }, progress);
        var json = Json(result, settings);
        if (settings.Json)
        {
            CliIO.Out.WriteLine(json.ToJsonString());
        }
        else
        {
            Write(result, settings);
        }

        return 0;
    }

    /// <summary>The backtest as JSON: metrics, btyd, baseline and difference keyed by target, counts, dates, seconds.</summary>
    public static JsonObject Json(BacktestResult result, BacktestSettings settings)
    {
        var metrics = new JsonObject();
        var btyd = new JsonObject();
        var baseline = new JsonObject();
        var difference = new JsonObject();
        foreach (var (target, t) in result.Targets)
        {
            var name = Targets.Name(target);
            metrics[name] = Metrics(target, t.Model);
            btyd[name] = Metrics(target, t.Btyd);
            baseline[name] = Metrics(target, t.Baseline);
            difference[name] = new JsonObject
            {
                ["metric"] = t.Metric,
                ["mean"] = Round(t.Difference.Mean),
                ["low"] = Round(t.Difference.Low),
                ["high"] = Round(t.Difference.High),
                ["verdict"] = t.Difference.Verdict,
            };
        }

        return new JsonObject
        {
            ["tier"] = settings.ParsedTier.ToString().ToLowerInvariant(),
            ["as_of"] = PurchasePipeline.Date(settings.AsOfDate!.Value),
            ["cutoff"] = PurchasePipeline.Date(result.Cutoff),
            ["observed_until"] = PurchasePipeline.Date(result.ObservedUntil),
            ["metrics"] = metrics,
            ["btyd"] = btyd,
            ["baseline"] = baseline,
            ["difference"] = difference,
            ["resamples"] = settings.Resamples,
            ["clients"] = result.Clients,
            ["scored"] = result.Scored,
            ["seconds"] = Math.Round(result.Seconds, 3),
        };
    }

    /// <summary>AUC, log-loss and Brier for a binary target; R², RMSE and MAE for CLV.</summary>
    private static JsonObject Metrics(Target target, TargetMetrics m) => Targets.IsBinary(target)
        ? new JsonObject { ["auc"] = Round(m.Auc), ["logloss"] = Round(m.LogLoss), ["brier"] = Round(m.Brier) }
        : new JsonObject { ["r2"] = Round(m.R2), ["rmse"] = Round(m.Rmse), ["mae"] = Round(m.Mae) };

    private static JsonValue? Round(double? v) => v is { } x && double.IsFinite(x) ? JsonValue.Create(Math.Round(x, 6)) : null;

    private static void Write(BacktestResult result, BacktestSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        CliIO.Out.WriteLine($"backtest {settings.ParsedTier.ToString().ToLowerInvariant()} as of {PurchasePipeline.Date(settings.AsOfDate!.Value)} " +
            $"(trained on outcomes after {PurchasePipeline.Date(result.Cutoff)}): {result.Clients:N0} clients compared, {result.Scored:N0} scored");
        CliIO.Out.WriteLine($"{"target",-16} {"metric",-6} {"tier",8} {"btyd",8} {"baseline",8}  {"tier − btyd [95% interval]",-30} verdict");
        foreach (var (target, t) in result.Targets)
        {
            var binary = Targets.IsBinary(target);
            double? Pick(TargetMetrics m) => binary ? m.Auc : m.R2;
            string F(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.000", c) : "—";
            var d = t.Difference;
            var interval = $"{F(d.Mean)} [{F(d.Low)}, {F(d.High)}]";
            CliIO.Out.WriteLine($"{Targets.Name(target),-16} {t.Metric,-6} {F(Pick(t.Model)),8} {F(Pick(t.Btyd)),8} {F(Pick(t.Baseline)),8}  {interval,-30} {d.Verdict}");
        }

        CliIO.Out.WriteLine($"{result.Seconds:0.0} s");
    }
}
