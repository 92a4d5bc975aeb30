using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Occasions;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="OccasionsCommand"/>.</summary>
public sealed class OccasionsSettings : NotesSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Where to write client_id,kind,date,month,day,recurring,note_date,start,end,text.")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required") : base.Validate();
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
