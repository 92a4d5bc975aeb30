using System.ComponentModel;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Columns;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="InspectCommand"/>: the notes, and the column overrides train would take.</summary>
public sealed class InspectSettings : ColumnSettings
{
    [CommandOption("--transactions <FILE>")]
    [Description("Also list the columns of a transactions file and what the purchase history reads from each (which extra columns are features).")]
    public string? Transactions { get; init; }
}

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
        var transactions = settings.Transactions is null ? null : TransactionHeader(settings.Transactions);
        if (settings.Json)
        {
            var json = new JsonObject
            {
                ["notes"] = notes.Count,
                ["clients"] = profiles.Count,
                ["schema"] = SchemaReport.Json(schema.Columns),
            };
            if (transactions is not null)
            {
                json["transactions"] = new JsonArray(transactions.Select(t => (JsonNode)new JsonObject { ["column"] = t.Column, ["read_as"] = t.Role }).ToArray());
            }

            CliIO.Out.WriteLine(json.ToJsonString());
        }
        else
        {
            CliIO.Out.WriteLine($"{settings.Notes}: {notes.Count:N0} notes, {profiles.Count:N0} clients");
            foreach (var line in SchemaReport.Lines(schema.Columns))
            {
                CliIO.Out.WriteLine(line);
            }

            if (transactions is not null)
            {
                CliIO.Out.WriteLine($"transactions {settings.Transactions}: purchase history (RFM, BG/NBD) and its categorical extra columns as features");
                foreach (var (column, role) in transactions)
                {
                    CliIO.Out.WriteLine($"  {column}: {role}");
                }
            }
        }

        return 0;
    }

    private static IReadOnlyList<(string Column, string Role)> TransactionHeader(string path)
    {
        // The whole file, not just its header: whether an extra column is a feature depends on its values (an id, a number, a category).
        using var reader = Inputs.Open(path);
        var file = Core.Ingest.TransactionsCsv.Read(reader, path, new Core.Ingest.IngestReport(path));
        using var headerReader = Inputs.Open(path);
        using var sep = Core.Ingest.CsvInput.OpenReader(headerReader, path);
        return TransactionColumns.Describe(sep.Header.ColNames, TransactionColumns.Schema(file));
    }
}
