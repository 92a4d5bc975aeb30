using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Columns;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="InspectCommand"/>: the notes, and the column overrides train would take.</summary>
public sealed class InspectSettings : ColumnSettings;

/// <summary>
/// <c>clientele inspect</c>: the schema report of the notes' extra columns — inferred type, whether train would use
/// each and why not — without training (the leakage guard needs labels, so it runs in train only).
/// </summary>
public sealed class InspectCommand : Command<InspectSettings>
{
    public override int Execute(CommandContext context, InspectSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var (profiles, _, notes) = Pipeline.Profiles(settings, progress, seconds);
        var inferred = ColumnTyper.Infer(profiles, settings.ColumnOverrides, settings.Notes!);
        var schema = ColumnFitter.Fit(inferred, profiles, null, null, settings.AsOfDate);
        if (settings.Json)
        {
            var json = new JsonObject
            {
                ["notes"] = notes.Count,
                ["clients"] = profiles.Count,
                ["schema"] = SchemaReport.Json(schema.Columns),
            };
            CliIO.Out.WriteLine(json.ToJsonString());
        }
        else
        {
            CliIO.Out.WriteLine($"{settings.Notes}: {notes.Count:N0} notes, {profiles.Count:N0} clients");
            foreach (var line in SchemaReport.Lines(schema.Columns))
            {
                CliIO.Out.WriteLine(line);
            }
        }

        return 0;
    }
}
