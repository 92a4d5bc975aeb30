using System.ComponentModel;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Concepts;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="SuggestConceptsCommand"/>.</summary>
public sealed class SuggestConceptsSettings : NotesSettings
{
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
        var target = labels?.Targets().FirstOrDefault(Targets.IsBinary);
        Func<string, bool?>? outcome = labels is null || target is null
            ? null
            : id => labels.For(id)?.Value(target.Value) is { } v ? v > 0.5 : null;
        var (notes, report) = Inputs.Notes(settings.Notes!, settings.CsvOptions);
        Inputs.Tell(report, allowance: settings.RowAllowance);
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
}
