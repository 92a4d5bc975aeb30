using Microsoft.Extensions.Hosting;
using System.ComponentModel;
using Clientele.Cli.Infrastructure;
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
    [DefaultValue(2000)]
    public int Clients { get; init; } = 2000;

    [CommandOption("--no-serve")]
    [Description("Stop after scoring instead of serving the dashboard.")]
    public bool NoServe { get; init; }

    [CommandOption("--urls <URL>")]
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
        Step("generate", ClienteleApp.Run(["generate", "--clients", settings.Clients.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", data]));
        var notes = Path.Combine(data, "notes.csv");
        var labels = Path.Combine(data, "labels.csv");
        foreach (var tier in new[] { "fast", "elite" })
        {
            CliIO.Out.WriteLine($"— train {tier}");
            Step("train " + tier, ClienteleApp.Run(["train", "--notes", notes, "--labels", labels, "--tier", tier, "--out", Path.Combine(models, tier), "--db", db, "--quiet"]));
        }

        using (var store = Storage.Store.StoreFactory.Open(db))
        {
            store.ActivateModelVersion("elite");
        }

        CliIO.Out.WriteLine("— score every client with the Elite model");
        Step("predict", ClienteleApp.Run(["predict", "--model", Path.Combine(models, "elite"), "--notes", notes, "--out", Path.Combine(dir, "scores.csv"), "--db", db, "--quiet"]));
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

    private static void Step(string name, int exit)
    {
        if (exit != 0)
        {
            throw new InvalidOperationException($"demo step '{name}' failed with exit code {exit}");
        }
    }
}
