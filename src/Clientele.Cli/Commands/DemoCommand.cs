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
        Step("generate", ClienteleApp.Run(["generate", "--clients", settings.Clients.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", data]));
        var notes = Path.Combine(data, "notes.csv");
        var labels = Path.Combine(data, "labels.csv");
        Step("train fast", ClienteleApp.Run(["train", "--notes", notes, "--labels", labels, "--tier", "fast", "--out", Path.Combine(dir, "models", "fast"), "--quiet"]));
        Step("train elite", ClienteleApp.Run(["train", "--notes", notes, "--labels", labels, "--tier", "elite", "--out", Path.Combine(dir, "models", "elite"), "--quiet"]));
        Step("predict", ClienteleApp.Run(["predict", "--model", Path.Combine(dir, "models", "elite"), "--notes", notes, "--out", Path.Combine(dir, "scores.csv"), "--quiet"]));
        CliIO.Out.WriteLine($"demo done: data, models and scores in {dir}");
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
