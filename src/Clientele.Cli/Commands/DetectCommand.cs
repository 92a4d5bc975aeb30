using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Workflows.Notes;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="DetectCommand"/>.</summary>
public sealed class DetectSettings : NotesSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Concepts CSV to write, '-' for stdout: columns client_id, concept_id, label, category, matched_alias, start, end, negated. (required)")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required") : base.Validate();
}

/// <summary><c>clientele detect</c>: concepts of every note, one row per match.</summary>
public sealed class DetectCommand : Command<DetectSettings>
{
    public override int Execute(CommandContext context, DetectSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var clock = Stopwatch.StartNew();
        OutputFile.RequireWritable(settings.Out!);
        var lexicon = Inputs.Lexicon(settings.Lexicon, settings.LexiconOverlay);
        // The matcher builds on the pool while the notes are read.
        var matcher = Task.Run(() => Core.Concepts.ConceptMatcher.Build(lexicon));
        var (notes, report) = Inputs.Notes(settings.Notes!, settings.CsvOptions);
        Inputs.Tell(report, allowance: settings.RowAllowance);
        progress.Report($"detect concepts in {notes.Count:N0} notes");
        Detection found = null!;
        OutputFile.WriteText(settings.Out!, writer => found = DetectConcepts.Run(lexicon, matcher.GetAwaiter().GetResult(), notes, writer));
        var result = new JsonObject
        {
            ["notes"] = notes.Count,
            ["clients"] = found.Clients,
            ["rejected_rows"] = report.Rejected,
            ["concepts"] = found.Matches,
            ["lexicon"] = lexicon.Name,
            ["lexicon_concepts"] = lexicon.Concepts.Count,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 4),
            ["out"] = settings.Out,
        };
        // With --out - the concepts are on stdout, so the summary goes to stderr and the data stays parseable.
        var say = OutputFile.IsStdout(settings.Out) ? CliIO.Err : CliIO.Out;
        if (settings.Json)
        {
            say.WriteLine(result.ToJsonString());
        }
        else
        {
            say.WriteLine($"{found.Matches:N0} concepts in {notes.Count:N0} notes ({found.Clients:N0} clients, {found.Chars:N0} chars) → {settings.Out}");
        }

        return 0;
    }
}
