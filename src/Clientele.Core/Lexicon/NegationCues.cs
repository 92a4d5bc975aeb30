using System.Globalization;
using System.Reflection;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Text;

namespace Clientele.Core.Lexicon;

/// <summary>
/// The negation and hedge cues of the 12 languages (issue 14, item 11), read from an embedded CSV
/// <c>language,cue,position,window</c> so that linguists edit data, not code. The cues are compiled into a
/// lexicon of their own (one concept per distinct folded cue) so the concept matcher's automaton finds them
/// in the same single pass it uses for concepts.
/// </summary>
public sealed class NegationCues
{
    private const string BuiltinResource = "Clientele.Core.Lexicon.negation_cues.csv";

    private static readonly Lazy<NegationCues> Builtin = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BuiltinResource)
            ?? throw new InvalidOperationException("built-in negation cue resource missing from the assembly");
        using var reader = new StreamReader(stream);
        return Load(reader, "negation_cues");
    });

    private NegationCues(IReadOnlyList<NegationCue> cues, ConceptLexicon lexicon, int[] before, int[] after, bool[] breaks)
    {
        Cues = cues;
        Lexicon = lexicon;
        BeforeWindow = before;
        AfterWindow = after;
        IsBreak = breaks;
    }

    /// <summary>Every cue row, in file order.</summary>
    public IReadOnlyList<NegationCue> Cues { get; }

    /// <summary>The cues as a lexicon: concept i is one distinct folded cue.</summary>
    public ConceptLexicon Lexicon { get; }

    /// <summary>For concept i of <see cref="Lexicon"/>: the window when it negates what follows, or -1.</summary>
    internal int[] BeforeWindow { get; }

    /// <summary>For concept i of <see cref="Lexicon"/>: the window when it negates what precedes, or -1.</summary>
    internal int[] AfterWindow { get; }

    /// <summary>For concept i of <see cref="Lexicon"/>: true when it ends a negation's reach.</summary>
    internal bool[] IsBreak { get; }

    /// <summary>The built-in cues, loaded once.</summary>
    public static NegationCues LoadBuiltin() => Builtin.Value;

    /// <summary>Reads a cue file; a row with an unknown position or a bad window is an error naming its line.</summary>
    public static NegationCues Load(TextReader reader, string source)
    {
        var cues = new List<NegationCue>();
        using var sep = CsvInput.OpenReader(reader, source);
        var lang = CsvInput.FindColumn(sep.Header, source, "language", null, "language");
        var cueCol = CsvInput.FindColumn(sep.Header, source, "cue", null, "cue");
        var posCol = CsvInput.FindColumn(sep.Header, source, "position", null, "position");
        var winCol = CsvInput.FindColumn(sep.Header, source, "window", null, "window");
        long last = 1;
        while (CsvInput.MoveNext(sep, source, last))
        {
            var row = sep.Current;
            last = row.LineNumberToExcl - 1;
            var cue = CsvInput.Cell(row, cueCol).Trim();
            if (cue.Length == 0)
            {
                continue;
            }

            CuePosition? position = CsvInput.Cell(row, posCol).Trim().ToLowerInvariant() switch
            {
                "before" => CuePosition.Before,
                "after" => CuePosition.After,
                "break" => CuePosition.Break,
                _ => null,
            };
            if (position is null || !int.TryParse(CsvInput.Cell(row, winCol).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var window))
            {
                throw new ClienteleInputException(source, row.LineNumberFrom, null, Messages.BadNegationCue);
            }

            cues.Add(new NegationCue(CsvInput.Cell(row, lang).Trim().ToUpperInvariant(), cue, position.Value, window));
        }

        // One concept per folded cue: a cue that negates on both sides ("не нравится") is one pattern with two windows.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var concepts = new List<Concept>();
        var before = new List<int>();
        var after = new List<int>();
        var breaks = new List<bool>();
        foreach (var c in cues)
        {
            var folded = TextFolder.Fold(c.Cue);
            if (!index.TryGetValue(folded, out var i))
            {
                i = concepts.Count;
                index.Add(folded, i);
                concepts.Add(new Concept($"cue.{concepts.Count}", c.Cue, "negation", [c.Cue]));
                before.Add(-1);
                after.Add(-1);
                breaks.Add(false);
            }

            switch (c.Position)
            {
                case CuePosition.Before:
                    before[i] = Math.Max(before[i], c.Window);
                    break;
                case CuePosition.After:
                    after[i] = Math.Max(after[i], c.Window);
                    break;
                default:
                    breaks[i] = true;
                    break;
            }
        }

        return new NegationCues(cues, new ConceptLexicon(source, concepts), [.. before], [.. after], [.. breaks]);
    }
}
