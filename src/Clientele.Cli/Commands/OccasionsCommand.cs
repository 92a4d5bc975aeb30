using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Occasions;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>
/// Settings of <see cref="OccasionsCommand"/>. Not derived from <see cref="NotesSettings"/>: occasions need no
/// lexicon, and <c>--as-of</c> means something else here (which notes are known), so the help says what each does.
/// </summary>
public sealed class OccasionsSettings : CommandSettings
{
    [CommandOption("--notes <FILE>")]
    [Description("Notes CSV (ID,Date,...,Transcription; other header names accepted). The note date anchors relative dates.")]
    public string? Notes { get; init; }

    [CommandOption("--id-column <NAME>")]
    [Description("Name of the client id column when it is not one of client_id, id.")]
    public string? IdColumn { get; init; }

    [CommandOption("--text-column <NAME>")]
    [Description("Name of the note text column when it is not one of transcription, note, notes, text.")]
    public string? TextColumn { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("Leave out notes dated after this day (yyyy-MM-dd); they are counted in the summary. Default: all notes.")]
    public string? AsOf { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write client_id,kind,date,month,day,recurring,note_date,start,end,text.")]
    public string? Out { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of the summary line.")]
    public bool Json { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress on stderr.")]
    public bool Quiet { get; init; }

    public DateOnly? AsOfDate => AsOfOption.Parse(AsOf);

    public Core.Ingest.NotesCsvOptions CsvOptions => new() { IdColumn = IdColumn, TextColumn = TextColumn };

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Notes) ? Spectre.Console.ValidationResult.Error("--notes <FILE> is required")
        : string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required")
        : AsOfOption.Check(AsOf) ?? base.Validate();
}

/// <summary>
/// <c>clientele occasions</c>: birthdays, anniversaries, weddings, births, graduations, trips and events in every
/// note, one row per occasion, dates resolved against each note's own date. With <c>--as-of</c>, notes dated after
/// it are left out (and counted): a worklist for a past day must not know what was written later.
/// </summary>
public sealed class OccasionsCommand : Command<OccasionsSettings>
{
    public override int Execute(CommandContext context, OccasionsSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var clock = Stopwatch.StartNew();
        var (notes, report) = Inputs.Notes(settings.Notes!, settings.CsvOptions);
        Inputs.Tell(report);
        var asOf = settings.AsOfDate;
        var kept = asOf is { } limit ? notes.Where(n => n.Date is not { } d || d <= limit).ToList() : notes;
        var later = notes.Count - kept.Count;
        progress.Report($"find occasions in {kept.Count:N0} notes");
        var extractor = OccasionExtractor.Builtin;
        var byKind = OccasionKinds.All.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var clients = new HashSet<string>(StringComparer.Ordinal);
        var dated = 0;
        AtomicFile.WriteText(settings.Out!, writer =>
        {
            var csv = new OccasionsCsv(writer);
            csv.WriteHeader();
            foreach (var note in kept)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var occasion in extractor.Extract(note))
                {
                    csv.Write(occasion);
                    byKind[occasion.Kind]++;
                    clients.Add(occasion.ClientId);
                    dated += occasion.Date is null ? 0 : 1;
                }
            }
        });
        var total = byKind.Values.Sum();
        if (settings.Json)
        {
            var kinds = new JsonObject();
            foreach (var (kind, count) in byKind)
            {
                kinds[kind] = count;
            }

            CliIO.Out.WriteLine(new JsonObject
            {
                ["notes"] = kept.Count,
                ["notes_after_as_of"] = later,
                ["rejected_rows"] = report.Rejected,
                ["occasions"] = total,
                ["dated"] = dated,
                ["clients"] = clients.Count,
                ["kinds"] = kinds,
                ["as_of"] = settings.AsOf,
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 4),
                ["out"] = settings.Out,
            }.ToJsonString());
        }
        else
        {
            var skipped = asOf is null ? string.Empty : $"; {later:N0} {(later == 1 ? "note" : "notes")} dated after {settings.AsOf} left out";
            CliIO.Out.WriteLine($"{total:N0} occasions ({dated:N0} dated) for {clients.Count:N0} clients in {kept.Count:N0} notes{skipped} → {settings.Out}");
        }

        return 0;
    }
}
