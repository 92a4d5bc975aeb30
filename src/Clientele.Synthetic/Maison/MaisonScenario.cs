using System.Globalization;
using Clientele.Synthetic.Phrases;

namespace Clientele.Synthetic.Maison;

/// <summary>
/// The "maison" scenario: the default notes, plus one sentence naming one of a maison's own product lines
/// (invented words no built-in lexicon knows, written per language in <c>Maison/Data/maison.tsv</c>), a meeting
/// duration that matters, a <c>Store</c> column, and labels driven by the line, the duration and the stated budget
/// (process: docs/GENERATED-DATA.md). Its draws come from a stream of their own, so the default sentences of a
/// client are the same words with or without the scenario.
/// </summary>
internal sealed class MaisonScenario
{
    /// <summary>Domain of the scenario's random stream (distinct from the notes' and the transactions').</summary>
    private const ulong Domain = 0x6D6169736F6E5F31UL;   // "maison_1"

    /// <summary>Invented product-line names in Latin script, the order of the effects below.</summary>
    internal static readonly string[] LatinLines = ["Solenne", "Vardeau", "Kalyra", "Orsève", "Tessaly", "Myrtane", "Zéphine", "Calvère"];

    /// <summary>Each line's effect on the purchase log-odds: from a best-seller to a line clients leave with nothing.</summary>
    internal static readonly double[] PurchaseEffect = [1.5, 1.0, 0.5, 0.0, 0.0, -0.5, -1.0, -1.5];

    /// <summary>Each line's effect on the churn log-odds, in another order than purchase's so the two targets differ.</summary>
    internal static readonly double[] ChurnEffect = [-1.0, 0.8, -0.4, 1.2, -1.2, 0.4, 0.0, 0.6];

    /// <summary>Each line's addition to the expected lifetime value.</summary>
    internal static readonly double[] ValueEffect = [25000, 6000, 15000, 0, 10000, 3000, 20000, 1000];

    internal const int ShortestMeeting = 15;
    internal const int LongestMeeting = 120;
    internal const int MeetingJitter = 5;
    internal const double StoreOfLanguageShare = 0.75;
    internal const double LatinNameShare = 0.40;
    internal const double ClvNoise = 2000;

    internal const string NotesHeader = "ID,Date,Duration,Language,Length,Store,Transcription";
    internal const string LabelsHeader = "client_id,purchased,churned,lifetime_value,true_purchase_prob,expected_lifetime_value,true_churn_prob";

    private readonly Dictionary<string, Words> _byLanguage;
    private readonly string[] _stores;
    private readonly int _seed;
    private SplitMix64 _rng;

    public MaisonScenario(int seed)
    {
        _seed = seed;
        _byLanguage = Load();
        _stores = [.. _byLanguage.Values.Select(w => w.Store)];
    }

    /// <summary>The line of the client last drawn (index into <see cref="LatinLines"/>).</summary>
    public int Line { get; private set; }

    /// <summary>The client's usual meeting length in minutes (each note varies by a few minutes around it).</summary>
    public int Minutes { get; private set; }

    public string Store { get; private set; } = string.Empty;

    /// <summary>Which of the client's notes names the line.</summary>
    public int Note { get; private set; }

    private int _template;
    private bool _latinName;

    /// <summary>Draws client <paramref name="index"/>'s line, meeting length, store and which note names the line.</summary>
    public void Draw(int index, string language, int noteCount)
    {
        _rng = new SplitMix64(_seed, index, Domain);
        Line = _rng.Next(LatinLines.Length);
        Minutes = ShortestMeeting + _rng.Next(LongestMeeting - ShortestMeeting + 1);
        Store = _rng.Chance(StoreOfLanguageShare) ? _byLanguage[language].Store : _stores[_rng.Next(_stores.Length)];
        Note = _rng.Next(noteCount);
        _template = _rng.Next(1 << 16);
        _latinName = _rng.Chance(LatinNameShare);
    }

    /// <summary>The duration of one of the client's notes, in minutes.</summary>
    public int NoteMinutes() => Math.Max(5, Minutes - MeetingJitter + _rng.Next((2 * MeetingJitter) + 1));

    /// <summary>The sentence naming the client's line, in <paramref name="language"/>, without its full stop.</summary>
    public string Sentence(string language)
    {
        var words = _byLanguage[language];
        var template = words.Templates[_template % words.Templates.Length];
        var name = words.Lines is null || _latinName ? LatinLines[Line] : words.Lines[Line];
        return template.Replace("{L}", name, StringComparison.Ordinal);
    }

    /// <summary>The purchase probability, to the hundredth (so the written truth is the one drawn from).</summary>
    public static double PurchaseProbability(int line, int minutes, double budgetK, bool noLimit, double defaultProbability)
    {
        var big = noLimit || budgetK >= 10 ? 1 : 0;
        var z = -0.2 + PurchaseEffect[line] + (0.02 * (minutes - 60)) + (0.5 * big) + (2.0 * (defaultProbability - 0.5));
        return Hundredths(z);
    }

    /// <summary>The churn probability, to the hundredth.</summary>
    public static double ChurnProbability(int line, int minutes, double defaultProbability, bool stale)
    {
        var z = -0.3 + ChurnEffect[line] - (0.015 * (minutes - 60)) - (1.5 * (defaultProbability - 0.5)) + (stale ? 0.5 : 0);
        return Hundredths(z);
    }

    /// <summary>E[CLV]: the line's value, the meeting's length and the stated budget (a no-limit client counts as 50K).</summary>
    public static double ExpectedLifetimeValue(int line, int minutes, double budgetK, bool noLimit) =>
        2000 + ValueEffect[line] + (120.0 * minutes) + (300 * Math.Min(noLimit ? 50 : budgetK, 50));

    private static double Hundredths(double z) => Math.Clamp(Math.Round(100 / (1 + Math.Exp(-z))), 1, 99) / 100.0;

    /// <summary>
    /// Writes the lexicon overlay a maison would make of <c>suggest-concepts</c>' output for these lines: one concept
    /// per line (category <c>product</c>), its Latin name and every script's spelling as aliases, so the eight lines are
    /// eight concepts in every language (the names are the maison's own words, which no generic lexicon can know).
    /// </summary>
    public static void WriteLinesOverlay(TextWriter writer)
    {
        var byLanguage = Load();
        writer.Write("concept_id,label,aliases,languages,category\n");
        for (var i = 0; i < LatinLines.Length; i++)
        {
            var aliases = new List<string> { LatinLines[i] };
            aliases.AddRange(byLanguage.Values.Where(w => w.Lines is not null).Select(w => w.Lines![i]).Where(a => !aliases.Contains(a, StringComparer.Ordinal)));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"maison.line_{i + 1},{LatinLines[i]} line,{string.Join('|', aliases)},,product\n"));
        }
    }

    private static Dictionary<string, Words> Load()
    {
        const string name = "Clientele.Synthetic.Maison.maison.tsv";
        using var stream = typeof(MaisonScenario).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"maison resource '{name}' is missing");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, Words>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            var lines = cells[1] == "-" ? null : cells[1].Split('|');
            if (cells.Length != 4 || (lines is not null && lines.Length != LatinLines.Length))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"maison.tsv: row '{cells[0]}' needs 4 columns and {LatinLines.Length} line names"));
            }

            result[cells[0]] = new Words(lines, cells[2].Split('|'), cells[3]);
        }

        foreach (var lang in Phrasebook.Languages)
        {
            if (!result.ContainsKey(lang.Code))
            {
                throw new InvalidDataException($"maison.tsv: no row for language {lang.Code}");
            }
        }

        return result;
    }

    private sealed record Words(string[]? Lines, string[] Templates, string Store);
}
