using System.Globalization;
using System.Reflection;
using Clientele.Core.Text;

namespace Clientele.Core.Occasions;

/// <summary>A word or phrase that names an occasion kind, folded for matching.</summary>
/// <param name="Folded">The phrase folded as note text is (<see cref="TextFolder"/>).</param>
/// <param name="Raw">The phrase as written in the data file, lower case: breaks ties between languages that fold alike.</param>
/// <param name="Kind">The occasion kind, or <c>negation</c> (a cue before the trigger) or <c>negation_after</c> (a cue after it, as in Japanese and Korean).</param>
/// <param name="Prefix">True when the phrase ends in <c>*</c> in the data: any word ending may follow ("Geburtstagsgeschenk").</param>
internal sealed record TriggerWord(string Folded, string Raw, string Kind, bool Prefix);

/// <summary>A relative date expression from the data, <c>{n}</c> standing for a number.</summary>
/// <param name="Folded">The folded phrase.</param>
/// <param name="Unit">day, week, month or season.</param>
/// <param name="Amount">The offset in units; null when it is the phrase's <c>{n}</c>.</param>
internal sealed record RelativeWord(string Folded, string Unit, int? Amount);

/// <summary>
/// The per-language words occasions are found with, read from the CSV files embedded in this assembly
/// (<c>Occasions/Resources</c>): adding a language or a phrase is a data change, never a code change.
/// </summary>
internal sealed class OccasionWords
{
    private const string Prefix = "Clientele.Core.Occasions.";

    /// <summary>Occasion triggers and negation cues.</summary>
    public List<TriggerWord> Triggers { get; } = [];

    /// <summary>Arabic clitics ("و", "ب", "ال"…) that may be glued in front of a trigger.</summary>
    public List<string> Clitics { get; } = [];

    /// <summary>Folded month name → month number and whether it is safe alone (without a day).</summary>
    public Dictionary<string, (int Month, bool Standalone)> Months { get; } = new(StringComparer.Ordinal);

    /// <summary>Folded numeral word → value ("two", "deux", "两").</summary>
    public Dictionary<string, int> Numerals { get; } = new(StringComparer.Ordinal);

    /// <summary>Relative expressions ("next month", "in {n} weeks").</summary>
    public List<RelativeWord> Relatives { get; } = [];

    /// <summary>Folded words by type: day_suffix, joiner, month_unit, day_unit, year_unit.</summary>
    public Dictionary<string, List<string>> Glue { get; } = new(StringComparer.Ordinal);

    /// <summary>The words shipped with Clientele.</summary>
    public static OccasionWords LoadBuiltin()
    {
        var words = new OccasionWords();
        foreach (var row in Rows("occasion_words.csv"))
        {
            var phrase = row[2].Trim().ToLowerInvariant();
            var kind = row[1].Trim();
            if (kind == "clitic")
            {
                words.Clitics.Add(TextFolder.Fold(phrase));
                continue;
            }

            if (kind is not ("negation" or "negation_after") && !OccasionKinds.IsKnown(kind))
            {
                throw new InvalidOperationException($"occasion_words.csv: unknown kind '{kind}'");
            }

            var prefix = phrase.EndsWith('*');
            phrase = phrase.TrimEnd('*');
            words.Triggers.Add(new TriggerWord(TextFolder.Fold(phrase), phrase, kind, prefix));
        }

        foreach (var row in Rows("month_names.csv"))
        {
            var month = int.Parse(row[1], CultureInfo.InvariantCulture);
            words.Months[TextFolder.Fold(row[2].Trim().ToLowerInvariant())] = (month, row[3].Trim() == "1");
        }

        foreach (var row in Rows("date_words.csv"))
        {
            var type = row[1].Trim();
            var phrase = TextFolder.Fold(row[3].Trim().ToLowerInvariant());
            switch (type)
            {
                case "numeral":
                    words.Numerals[phrase] = int.Parse(row[2], CultureInfo.InvariantCulture);
                    break;
                case "relative":
                    words.Relatives.Add(ParseRelative(phrase, row[2].Trim()));
                    break;
                default:
                    if (!words.Glue.TryGetValue(type, out var list))
                    {
                        words.Glue[type] = list = [];
                    }

                    list.Add(phrase);
                    break;
            }
        }

        return words;
    }

    /// <summary>The folded words of one glue type (empty when the data has none).</summary>
    public IReadOnlyList<string> GlueOf(string type) => Glue.TryGetValue(type, out var list) ? list : [];

    // "week:+n" -> (week, null); "month:-1" -> (month, -1); "season" -> (season, 0).
    private static RelativeWord ParseRelative(string phrase, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new RelativeWord(phrase, value, 0);
        }

        var unit = value[..colon];
        var amount = value[(colon + 1)..];
        if (amount is "+n" or "n")
        {
            return new RelativeWord(phrase, unit, null);
        }

        return new RelativeWord(phrase, unit, int.Parse(amount, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    // The resources are written for Clientele and never contain commas inside a field, so a plain split is
    // enough and keeps this loader independent of the notes CSV machinery.
    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"occasion resource {name} missing from the assembly");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',', 4);
            if (cells.Length < 3)
            {
                throw new InvalidOperationException($"occasion resource {name}: malformed row '{line}'");
            }

            yield return cells;
        }
    }
}
