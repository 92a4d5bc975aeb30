using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Worklist;
using Clientele.Storage.Files;
using Clientele.Workflows.Training;
using Clientele.Workflows.Worklist;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="WorklistCommand"/>.</summary>
public sealed class WorklistSettings : PurchaseNotesSettings
{
    [CommandOption("--model <DIR>")]
    [Description("Model bundle directory written by 'clientele train'. (required)")]
    public string? Model { get; init; }

    [CommandOption("--transactions <FILE>")]
    [Description("The clients' purchase history: days since the last purchase and P(alive) (then --notes is optional).")]
    public override string? Transactions { get; init; }

    [CommandOption("--playbook <FILE>")]
    [Description("The maison's playbook (YAML, format of the shipped default-playbook.yaml). Default: the shipped playbook.")]
    public string? Playbook { get; init; }

    [CommandOption("--days <N>")]
    [Description("List actions due within N days of --as-of.")]
    [DefaultValue(Core.Defaults.WorklistDays)]
    public int Days { get; init; } = Core.Defaults.WorklistDays;

    [CommandOption("--advisor <NAME>")]
    [Description("Only this advisor's clients.")]
    public string? Advisor { get; init; }

    [CommandOption("--advisors <FILE>")]
    [Description("CSV client_id,advisor: who looks after whom (saved in the store; the store's are used otherwise).")]
    public string? Advisors { get; init; }

    [CommandOption("--quiet-days <N>")]
    [Description("A client with a contact logged fewer than N days before --as-of is left off.")]
    [DefaultValue(Core.Defaults.ContactQuietDays)]
    public int QuietDays { get; init; } = Core.Defaults.ContactQuietDays;

    [CommandOption("--control-share <P>")]
    [Description("Share of eligible clients held out as a control group (0 to 0.5), recorded for 'clientele worklist-report'.")]
    [DefaultValue(Core.Defaults.ControlShare)]
    public double ControlShare { get; init; } = Core.Defaults.ControlShare;

    [CommandOption("--control-seed <N>")]
    [Description("Seed of the control group's assignment (the same seed holds out the same clients).")]
    [DefaultValue(Core.Defaults.Seed)]
    public int ControlSeed { get; init; } = Core.Defaults.Seed;

    [CommandOption("--language <CODE>")]
    [Description("Language of the reasons (en, fr).")]
    [DefaultValue("en")]
    public string Language { get; init; } = "en";

    [CommandOption("--assignments <FILE>")]
    [Description("Also write every assignment, listed and held out: client_id,as_of,group,rule,action,due.")]
    public string? Assignments { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Worklist CSV: client_id,advisor,action,channel,priority,due,reason,last_contact,days_since_purchase. (required)")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--model <DIR> and --out <FILE> are required")
        : Days is < 0 or > 366 ? Spectre.Console.ValidationResult.Error("--days must be 0..366")
        : QuietDays is < 0 or > 366 ? Spectre.Console.ValidationResult.Error("--quiet-days must be 0..366")
        : ControlShare is < 0 or > 0.5 || double.IsNaN(ControlShare) ? Spectre.Console.ValidationResult.Error("--control-share must be between 0 and 0.5")
        : !WorklistPhrases.Has(Language) ? Spectre.Console.ValidationResult.Error(WorklistMessages.UnknownLanguage(Language, WorklistPhrases.Languages))
        : base.Validate();
}

/// <summary><c>clientele worklist</c>: whom to contact, why and with what, from a bundle, notes, purchases and a playbook.</summary>
public sealed class WorklistCommand : Command<WorklistSettings>
{
    public override int Execute(CommandContext context, WorklistSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        OutputFile.RequireWritable(settings.Out!);
        var playbook = settings.Playbook is { } path ? Read(path, r => PlaybookYaml.Read(r, path)) : Playbook.Default;
        var advisors = settings.Advisors is { } file ? Read(file, r => AdvisorsCsv.Read(r, file)) : null;
        progress.Report("load model");
        var bundle = DirectoryBundleStore.Load(settings.Model!);
        // DESIGN §2: the worklist is drawn up as of today (UTC) unless told otherwise; the date used is reported.
        var asOf = Pipeline.ScoringAsOf(settings);
        WorklistRequest request;
        var options = new WorklistOptions
        {
            Days = settings.Days, Advisor = settings.Advisor, QuietDays = settings.QuietDays, ControlShare = settings.ControlShare,
            ControlSeed = settings.ControlSeed, Language = settings.Language,
        };
        if (settings.Transactions is null)
        {
            var (profiles, _, notes) = Pipeline.Profiles(settings, progress, seconds, bundle.Lexicon);
            request = new WorklistRequest(new Core.Scoring.Scorer(bundle), profiles, notes, asOf, playbook, options);
        }
        else
        {
            var data = TransactionInputs.Data(settings, settings.Notes, settings.CsvOptions, null, bundle.Lexicon, progress);
            request = new WorklistRequest(new Core.Scoring.Scorer(bundle), ClientsAsOf.Of(data, asOf).Profiles, data.Notes, asOf, playbook, options)
            {
                Purchases = data.Ledger,
            };
        }

        progress.Report($"worklist of {request.Profiles.Count:N0} clients");
        var result = DrawWorklist.Run(request with { Advisors = advisors, Store = settings.Store });
        OutputFile.WriteText(settings.Out!, w => WorklistCsv.Write(w, result.Listed));
        if (settings.Assignments is { } assignments)
        {
            AtomicFile.WriteText(assignments, w => WorklistCsv.WriteAssignments(w, result));
        }

        var date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (settings.Json)
        {
            var actions = new JsonObject();
            foreach (var g in result.Listed.GroupBy(e => e.Action).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                actions[g.Key] = g.Count();
            }

            CliIO.Out.WriteLine(new JsonObject
            {
                ["as_of"] = date,
                ["playbook"] = playbook.Name,
                ["clients"] = request.Profiles.Count,
                ["listed"] = result.Listed.Count,
                ["held_out"] = result.HeldOut.Count,
                ["recently_contacted"] = result.RecentlyContacted,
                ["due_later"] = result.DueLater,
                ["no_rule"] = result.NoRule,
                ["actions"] = actions,
                ["out"] = settings.Out,
            }.ToJsonString());
        }
        else
        {
            CliIO.Out.WriteLine($"{result.Listed.Count:N0} clients to contact as of {date} (of {request.Profiles.Count:N0}; {result.HeldOut.Count:N0} held out as the control group, "
                + $"{result.RecentlyContacted:N0} contacted recently, {result.DueLater:N0} due after {settings.Days} days) → {settings.Out}");
        }

        return 0;
    }

    private static T Read<T>(string path, Func<TextReader, T> read)
    {
        using var reader = Inputs.Open(path);
        return read(reader);
    }
}
