using Microsoft.Extensions.Hosting;
using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Features;
using Clientele.Synthetic;
using Clientele.Workflows.Training;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="DemoCommand"/>.</summary>
public sealed class DemoSettings : CommandSettings
{
    [CommandOption("--dir <DIR>")]
    [Description("Working directory for the sample data, models, scores and the SQLite store.")]
    [DefaultValue("clientele-demo")]
    public string Dir { get; init; } = "clientele-demo";

    [CommandOption("--clients <N>")]
    [Description("How many sample clients to generate (each with a few notes and known outcomes).")]
    [DefaultValue(2000)]
    public int Clients { get; init; } = 2000;

    [CommandOption("--no-serve")]
    [Description("Stop after scoring instead of serving the dashboard.")]
    public bool NoServe { get; init; }

    [CommandOption("--urls <URL>")]
    [Description("Where the dashboard listens (loopback by default).")]
    [DefaultValue("http://127.0.0.1:5080")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";
}

/// <summary>
/// <c>clientele demo</c>: generates sample notes in 12 languages, trains Fast and Elite, scores every
/// client, keeps everything in a SQLite file, and serves the dashboard on it.
/// </summary>
public sealed class DemoCommand : Command<DemoSettings>
{
    public override int Execute(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var dir = Path.GetFullPath(settings.Dir);
        var data = Path.Combine(dir, "data");
        var db = "Data Source=" + Path.Combine(dir, "clientele.db");
        var models = Path.Combine(dir, "models");
        var sample = SampleData.Write(new GeneratorOptions(settings.Clients, Core.Defaults.Seed), data);
        var notes = Path.Combine(data, "notes.csv");
        var quiet = new StageProgress(quiet: true);
        var versions = new Dictionary<Tier, TrainedVersion>();
        foreach (var tier in new[] { Tier.Fast, Tier.Elite })
        {
            var name = tier.ToString().ToLowerInvariant();
            CliIO.Out.WriteLine($"— train {name}");
            var training = new TrainingSettings { Notes = notes, Labels = Path.Combine(data, "labels.csv"), Db = db, Quiet = true };
            versions[tier] = Pipeline.TrainVersion(training, tier, Path.Combine(models, name), DateTimeOffset.UtcNow, quiet, new Dictionary<string, double>(StringComparer.Ordinal));
            ReportTable.Write(versions[tier].Model.Report);
            CliIO.Out.WriteLine($"bundle → {versions[tier].Directory}");
        }

        using (var store = Storage.Store.StoreFactory.Open(db))
        {
            store.ActivateModelVersion(versions[Tier.Elite].Version);
        }

        CliIO.Out.WriteLine("— score every client with the Elite model");
        var scoresFile = Path.Combine(dir, "scores.csv");
        // Scored as of the generated data's own date, not today: the demo's notes end there.
        var scoring = new NotesSettings { Notes = notes, Db = db, Quiet = true, AsOf = sample.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var (bundle, scores, _) = Pipeline.Score(scoring, versions[Tier.Elite].Directory, scoresFile, withReasons: true, shard: null, quiet, seconds);
        ScoresSummary.Write(ScoresSummary.Build(scores, bundle.Tier.ToString().ToLowerInvariant(), seconds), bundle, scoresFile);
        CliIO.Out.WriteLine($"demo data, models, scores.csv and clientele.db are in {dir}");
        if (settings.NoServe)
        {
            return 0;
        }

        var key = Environment.GetEnvironmentVariable("CLIENTELE_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            CliIO.Out.WriteLine($"API key for this demo (writes: train, activate, upload): {key}");
        }

        var app = Server.ClienteleServer.Create([], o =>
        {
            o.Urls = settings.Urls;
            o.ConnectionString = db;
            o.ModelsRoot = models;
            o.ApiKey = key;
        });
        CliIO.Out.WriteLine($"Dashboard: {settings.Urls}/  (Ctrl+C stops)");
        app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return 0;
    }
}
