using Microsoft.Extensions.Hosting;
using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Server;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="ServeCommand"/>.</summary>
public sealed class ServeSettings : StoreSettings
{
    [CommandOption("--urls <URL>")]
    [Description("Where to listen (loopback by default).")]
    [DefaultValue("http://127.0.0.1:5080")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    [CommandOption("--model <DIR>")]
    [Description("Bundle to activate at start (otherwise the store's active version).")]
    public string? Model { get; init; }
}

/// <summary><c>clientele serve</c>: the HTTP API and the dashboard.</summary>
public sealed class ServeCommand : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var app = ClienteleServer.Create([], o =>
        {
            o.Urls = settings.Urls;
            o.ModelDirectory = settings.Model ?? o.ModelDirectory;
            o.ConnectionString = settings.Db ?? o.ConnectionString;
            o.DataKeyFile = settings.DataKeyFile ?? o.DataKeyFile;
        });
        CliIO.Out.WriteLine($"Clientele is serving on {settings.Urls} (dashboard at /, API at /api, OpenAPI at /openapi/v1.json). Ctrl+C stops.");
        app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return 0;
    }
}
