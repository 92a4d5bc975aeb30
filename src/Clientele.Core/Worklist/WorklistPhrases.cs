using System.Globalization;
using Clientele.Core.Text;

namespace Clientele.Core.Worklist;

/// <summary>
/// The worklist's words per language (<c>Worklist/Resources/worklist_phrases.tsv</c>): action labels, month names and
/// the templates of a reason's parts. A key missing in a language falls back to English, an unknown action to its key.
/// </summary>
public static class WorklistPhrases
{
    /// <summary>The language every phrase exists in.</summary>
    public const string Fallback = "en";

    private const string SkipKey = "preference.skip";

    private static readonly Lazy<IReadOnlyList<string[]>> Rows = new(() => EmbeddedTable.Read("Clientele.Core.Worklist.worklist_phrases.tsv").Where(r => r.Length >= 3).ToList());

    private static readonly Lazy<Dictionary<(string Key, string Language), string>> Table = new(() =>
        Rows.Value.Where(r => r[0] != SkipKey).ToDictionary(r => (r[0], r[1]), r => r[2]));

    private static readonly Lazy<HashSet<string>> Skipped = new(() =>
        Rows.Value.Where(r => r[0] == SkipKey).Select(r => r[2]).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The words a concept label gives a reason: its first alternative without a gloss ("red / burgundy" → "red",
    /// "leather goods (maroquinerie)" → "leather goods"); null for labels that state no preference ("colour preference").
    /// </summary>
    public static string? PreferenceWords(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (Skipped.Value.Contains(label))
        {
            return null;
        }

        var first = label.Split(" / ")[0];
        var gloss = first.IndexOf(" (", StringComparison.Ordinal);
        return (gloss > 0 ? first[..gloss] : first).Trim().ToLowerInvariant();
    }

    /// <summary>The languages with phrases.</summary>
    public static IReadOnlyList<string> Languages => Table.Value.Keys.Select(k => k.Language).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>True when <paramref name="language"/> has phrases.</summary>
    public static bool Has(string language) => Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>The phrase of <paramref name="key"/> in <paramref name="language"/> (English when missing), null when no language has it.</summary>
    public static string? Get(string key, string language) =>
        Table.Value.TryGetValue((key, language), out var text) || Table.Value.TryGetValue((key, Fallback), out text) ? text : null;

    /// <summary>The label of an action key, the key itself when no phrase names it (a maison's own action).</summary>
    public static string Action(string action, string language) => Get("action." + action, language) ?? action;

    /// <summary>A template with its placeholders filled.</summary>
    public static string Fill(string key, string language, params (string Name, string Value)[] values)
    {
        var text = Get(key, language) ?? key;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>"14 March" / "14 mars".</summary>
    public static string Date(DateOnly date, string language) =>
        Fill("date", language, ("day", date.Day.ToString(CultureInfo.InvariantCulture)), ("month", Get("month." + date.Month, language) ?? date.Month.ToString(CultureInfo.InvariantCulture)));

    /// <summary>"62 %".</summary>
    public static string Percent(double p, string language) =>
        Fill("percent", language, ("n", Math.Round(100 * p).ToString(CultureInfo.InvariantCulture)));
}
