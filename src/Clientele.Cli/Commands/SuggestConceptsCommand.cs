using System.ComponentModel;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Concepts;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="SuggestConceptsCommand"/>.</summary>
public sealed class SuggestConceptsSettings : PurchaseNotesSettings
{
    [CommandOption("--transactions <FILE>")]
    [Description("Outcomes derived from purchase history, as train --transactions does: the notes up to the cutoff (--as-of, default the newest date, minus the longest window) against what followed it. A --labels file wins for the targets it has.")]
    public override string? Transactions { get; init; }

    [CommandOption("--horizon-days <DAYS>")]
    [Description("With --transactions: purchased = a purchase within DAYS.")]
    [DefaultValue(Core.History.PurchaseWindows.DefaultHorizonDays)]
    public int HorizonDays { get; init; } = Core.History.PurchaseWindows.DefaultHorizonDays;

    [CommandOption("--churn-days <DAYS>")]
    [Description("With --transactions: churned = no purchase within DAYS (clients who had bought before only).")]
    [DefaultValue(Core.History.PurchaseWindows.DefaultChurnDays)]
    public int ChurnDays { get; init; } = Core.History.PurchaseWindows.DefaultChurnDays;

    [CommandOption("--value-days <DAYS>")]
    [Description("With --transactions: lifetime value = net spend within DAYS.")]
    [DefaultValue(Core.History.PurchaseWindows.DefaultValueDays)]
    public int ValueDays { get; init; } = Core.History.PurchaseWindows.DefaultValueDays;

    /// <summary>Phrases are suggested from notes, so they are required even when transactions give the outcomes.</summary>
    protected override bool NotesRequired => true;

    [CommandOption("--labels <FILE>")]
    [Description("Outcomes (client_id, purchased, …): phrases are then ranked by their association with purchase (or churn when there is no purchase column).")]
    public string? Labels { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Overlay CSV to write, '-' for stdout: concept_id, label, aliases, languages, freq_notes, examples, category (blank: fill it in), clients, log_odds, z. (required)")]
    public string? Out { get; init; }

    [CommandOption("--top <N>")]
    [Description("Phrases written, at most.")]
    [DefaultValue(Core.Defaults.SuggestTop)]
    public int Top { get; init; } = Core.Defaults.SuggestTop;

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required")
        : Top < 1 ? Spectre.Console.ValidationResult.Error("--top must be 1 or more")
        : Transactions is not null && TransactionInputs.CheckWindows(HorizonDays, ChurnDays, ValueDays) is { Successful: false } bad ? bad
        : base.Validate();
}

/// <summary>
/// <c>clientele suggest-concepts</c>: frequent phrases of the notes no concept matches, as a lexicon overlay the
/// maison edits (categories) and loads with <c>--lexicon-overlay</c>.
/// </summary>
public sealed class SuggestConceptsCommand : Command<SuggestConceptsSettings>
{
    public override int Execute(CommandContext context, SuggestConceptsSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.RequireWritable(settings.Out!);
        var lexicon = Inputs.Lexicon(settings.Lexicon, settings.LexiconOverlay);
        var labels = settings.Labels is null ? null : Inputs.Labels(settings.Labels, settings.RowAllowance);
        var (notes, report) = Inputs.Notes(settings.Notes!, settings.CsvOptions);
        Inputs.Tell(report, allowance: settings.RowAllowance);
        if (settings.Transactions is not null)
        {
            (notes, labels) = FromTransactions(settings, notes, labels);
        }

        var target = labels?.Targets().FirstOrDefault(Targets.IsBinary);
        Func<string, bool?>? outcome = labels is null || target is null
            ? null
            : id => labels.For(id)?.Value(target.Value) is { } v ? v > 0.5 : null;
        var suggestions = ConceptSuggester.Suggest(ConceptMatcher.Build(lexicon), notes, outcome, settings.Top);
        OutputFile.WriteText(settings.Out!, w => ConceptSuggestionCsv.Write(w, suggestions));
        var say = OutputFile.IsStdout(settings.Out) ? CliIO.Err : CliIO.Out;
        if (settings.Json)
        {
            say.WriteLine(new JsonObject
            {
                ["notes"] = notes.Count,
                ["phrases"] = suggestions.Count,
                ["ranked_by"] = target is null ? "clients" : "association with " + Targets.Name(target.Value),
                ["out"] = settings.Out,
            }.ToJsonString());
        }
        else
        {
            say.WriteLine($"{suggestions.Count:N0} phrases no concept matches, ranked by {(target is null ? "clients" : "association with " + Targets.Name(target.Value))} → {settings.Out}");
            say.WriteLine("  fill in their category (one of " + string.Join(", ", ConceptCategory.All) + "), delete the rows you do not want, and load it with --lexicon-overlay");
        }

        return 0;
    }

    /// <summary>
    /// The notes dated up to the cutoff and the outcomes that followed it (<see cref="TransactionOutcomes"/>), as
    /// training from transactions sets them up, so a phrase is ranked by what happened after it was written.
    /// </summary>
    private static (List<Core.Ingest.Note> Notes, LabelSet Labels) FromTransactions(SuggestConceptsSettings settings, List<Core.Ingest.Note> notes, LabelSet? file)
    {
        var (transactions, _) = TransactionInputs.Read(settings);
        var ledger = Core.History.PurchaseLedger.From(transactions);
        var asOf = settings.AsOfDate ?? notes.Where(n => n.Date is not null).Select(n => n.Date!.Value).Append(ledger.Newest).Max();
        var windows = new Core.History.PurchaseWindows(settings.HorizonDays, settings.ChurnDays, settings.ValueDays);
        var cutoff = windows.Cutoff(asOf);
        var kept = notes.Where(n => n.Date is not { } d || d <= cutoff).ToList();
        var derived = TransactionOutcomes.Derive(ledger, kept.Select(n => n.ClientId).Distinct(StringComparer.Ordinal), cutoff, windows);
        return (kept, TransactionOutcomes.Overlay(derived, file));
    }
}
