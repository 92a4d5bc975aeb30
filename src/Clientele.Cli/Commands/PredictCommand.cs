using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Scoring;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="PredictCommand"/>.</summary>
public sealed class PredictSettings : NotesSettings, IStoreSettings
{
    [CommandOption("--db <CONNECTION>")]
    [Description(StoreOption.Description)]
    public string? Db { get; init; }

    [CommandOption("--no-store")]
    [Description("Do not record this run in the store.")]
    public bool NoStore { get; init; }

    [CommandOption("--model <DIR>")]
    [Description("Model bundle directory written by 'clientele train'.")]
    public string? Model { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Scores CSV to write (client_id,purchase_prob,...,reasons).")]
    public string? Out { get; init; }

    [CommandOption("--no-reasons")]
    [Description("Skip per-client explanations (faster batch scoring).")]
    public bool NoReasons { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Score only shard K of N (clients split by a stable hash of their id), for N parallel workers.")]
    public string? Shard { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Out))
        {
            return Spectre.Console.ValidationResult.Error("--model <DIR> and --out <FILE> are required");
        }

        if (Shard is not null && Sharding.Parse(Shard) is null)
        {
            return Spectre.Console.ValidationResult.Error($"--shard '{Shard}' is not K/N with 0 ≤ K < N");
        }

        return base.Validate();
    }
}

/// <summary><c>clientele predict</c>: scores every client of a notes file with a bundle.</summary>
public sealed class PredictCommand : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        progress.Report("load model");
        var bundle = DirectoryBundleStore.Load(settings.Model!);
        seconds["load_model"] = clock.Elapsed.TotalSeconds;
        var (profiles, _, notes) = Pipeline.Profiles(settings, progress, seconds, bundle.Lexicon);
        if (settings.Shard is not null)
        {
            var (k, n) = Sharding.Parse(settings.Shard)!.Value;
            profiles = profiles.Where(p => Sharding.ShardOf(p.ClientId, n) == k).ToList();
        }

        clock.Restart();
        progress.Report($"score {profiles.Count:N0} clients");
        var scores = new Scorer(bundle).Score(profiles, settings.AsOfDate, withReasons: !settings.NoReasons);
        seconds["score"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        AtomicFile.WriteText(settings.Out!, w => ScoresCsv.Write(w, scores));
        seconds["write"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var scored = profiles.Select(p => p.ClientId).ToHashSet(StringComparer.Ordinal);
        StoreRecorder.RecordScores(settings, settings.Model!, bundle, profiles, notes.Where(n => scored.Contains(n.ClientId)).ToList(), scores);
        seconds["store"] = clock.Elapsed.TotalSeconds;
        var summary = Summary(scores, bundle.Tier.ToString().ToLowerInvariant(), seconds);
        summary["out"] = settings.Out;
        if (settings.Json)
        {
            CliIO.Out.WriteLine(summary.ToJsonString());
        }
        else
        {
            CliIO.Out.WriteLine($"{scores.Count:N0} clients scored with the {bundle.Tier} model → {settings.Out}");
            CliIO.Out.WriteLine($"  avg purchase {summary["avg_purchase_prob"]}, avg churn {summary["avg_churn_risk"]}, avg CLV {summary["avg_clv"]}");
            CliIO.Out.WriteLine($"  value: {summary["value_segments"]!.ToJsonString()}  risk: {summary["risk_segments"]!.ToJsonString()}");
        }

        return 0;
    }

    internal static JsonObject Summary(IReadOnlyList<ClientScore> scores, string tier, IDictionary<string, double> seconds)
    {
        static double Avg(IEnumerable<double> v)
        {
            var list = v.Where(x => !double.IsNaN(x)).ToList();
            return list.Count == 0 ? double.NaN : Math.Round(list.Average(), 4);
        }

        var value = new JsonObject();
        foreach (var name in Segments.ValueNames)
        {
            value[name] = scores.Count(s => s.ValueSegment == name);
        }

        var risk = new JsonObject();
        foreach (var name in Segments.RiskNames)
        {
            risk[name] = scores.Count(s => s.RiskSegment == name);
        }

        var secs = new JsonObject();
        foreach (var (k, v) in seconds)
        {
            secs[k] = Math.Round(v, 4);
        }

        JsonNode? Num(double d) => double.IsNaN(d) ? null : JsonValue.Create(d);
        return new JsonObject
        {
            ["tier"] = tier,
            ["clients"] = scores.Count,
            ["avg_purchase_prob"] = Num(Avg(scores.Select(s => s.PurchaseProb))),
            ["avg_churn_risk"] = Num(Avg(scores.Select(s => s.ChurnRisk))),
            ["avg_clv"] = Num(Avg(scores.Select(s => s.PredictedClv))),
            ["value_segments"] = value,
            ["risk_segments"] = risk,
            ["seconds"] = secs,
        };
    }
}
