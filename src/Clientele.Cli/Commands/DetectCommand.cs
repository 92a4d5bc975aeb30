using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Ingest;
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
        Detection found;
        IngestReport report;
        if (OutputFile.IsStdout(settings.Out))
        {
            // Standard output cannot be taken back: every note is read (and a bad file refused) before a row is written.
            (var notes, report) = Inputs.Notes(settings.Notes!, settings.CsvOptions);
            Inputs.Tell(report, allowance: settings.RowAllowance);
            progress.Report($"detect concepts in {notes.Count:N0} notes");
            found = DetectConcepts.Run(lexicon, matcher.GetAwaiter().GetResult(), notes, CliIO.Out);
            CliIO.Out.Flush();
        }
        else
        {
            // A file is written beside its target and renamed when complete, so the notes stream through while their
            // rows are written: a bad row found late (too many rejected rows, no usable row) leaves no file.
            progress.Report($"detect concepts in {settings.Notes}");
            using var reader = Inputs.Open(settings.Notes!);
            report = new IngestReport(settings.Notes!);
            var notes = NotesCsv.Read(reader, settings.Notes!, report, settings.CsvOptions);
            Detection? written = null;
            OutputFile.Write(settings.Out!, stream =>
            {
                written = DetectConcepts.Run(lexicon, matcher.GetAwaiter().GetResult(), notes, stream);
                NotesCsv.RequireSome(settings.Notes!, report, written.Notes);
            });
            found = written!;
            Inputs.Tell(report, allowance: settings.RowAllowance);
        }

        var result = new JsonObject
        {
            ["notes"] = found.Notes,
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
            say.WriteLine($"{found.Matches:N0} concepts in {found.Notes:N0} notes ({found.Clients:N0} clients, {found.Chars:N0} chars) → {settings.Out}");
        }

        return 0;
    }
}
