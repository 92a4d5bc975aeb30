using System.Text.RegularExpressions;
using Clientele.Core.Text;

namespace Clientele.Core.Facts;

/// <summary>
/// The fact extractor's regexes, built once from the per-language tables: this file holds the language-neutral
/// shape of an amount, a range or an age; every word comes from Facts/Resources.
/// </summary>
internal static class FactPatterns
{
    // A guard against pathological input, not a budget: real notes match in microseconds. 100 ms was once
    // exceeded by a cold thread on a loaded machine, which made a client's stated age depend on machine load;
    // 2 s keeps facts deterministic while still bounding hostile input (capped at Defaults' scan length).
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // Interpreted, not RegexOptions.Compiled: compiling these table-built patterns to IL at every process start cost
    // more than a short command's whole scoring (predict of 2,000 clients, whole process, median of 7 alternated runs:
    // 3.17 → 2.75 s with ReadyToRun), and 20,000 clients ran no slower (14.5 vs 14.0 s); docs/BENCHMARKS.md "Startup".
    private const RegexOptions Insensitive =
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    // Name-shaped patterns rely on capitalisation, which IgnoreCase would erase.
    private const RegexOptions Sensitive =
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Latin/Greek/Cyrillic letters glued to a digit mean a code ("A320", "x3"), not an amount (MoneyScanner tests
    // the same class). CJK and Arabic are deliberately absent: "预算为25K" glues the amount to the budget word.
    private const string NotAfterWordChar = @"(?<![0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[0-9][.,])";

    // Grouped thousands ("3 000", "3,000", "3.000", "3'000") are tried first so "3,000" is not read as 3.0.
    private const string Number = @"(?:[0-9]{1,3}(?:[,.' ’][0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?)";

    /// <summary>The magnitudes table (pattern, thousands, spacing).</summary>
    public static readonly FactTable Magnitudes = FactTable.Load("magnitudes");

    /// <summary>Currencies written before the amount, lower case literal text.</summary>
    public static readonly IReadOnlyList<string> PrefixCurrencies =
        FactTable.Load("prefix-currencies").Terms.Select(t => t.ToLowerInvariant()).ToList();

    private static readonly string MoneyPattern = BuildMoneyPattern();

    /// <summary>
    /// The money pattern anchored at the start position (\G): scanning every position of a note with the free
    /// pattern cost more than all other regexes together (its lookbehind alternative defeats the engine's
    /// first-character search), so only positions next to a digit are tried; see MoneyScanner.
    /// </summary>
    public static readonly Regex MoneyAt = new($@"\G(?:{MoneyPattern})", Insensitive, MatchTimeout);

    /// <summary>A magnitude word as matched, one group per row of the magnitudes table, to read its value.</summary>
    public static readonly Regex MagnitudeRow = new(
        "^(?:" + string.Join('|', Magnitudes.Rows.Select((row, i) => $"(?<m{i}>{(row[3] == "attached" ? $"(?-i:{row[1]})" : row[1])})")) + ")$",
        Insensitive, MatchTimeout);

    /// <summary>Words naming a budget.</summary>
    public static readonly Regex BudgetWord = Build(@"(?<![A-Za-z])(?:" + Table("budget-words") + ")", Insensitive);

    /// <summary>Follower counts share the "NK" shape with budgets.</summary>
    public static readonly Regex NotMoneyAfter = Build(@"^\W{0,3}(?:\p{L}+\s+)?(?:" + Table("audience-words") + ")", Insensitive);

    /// <summary>Money said about a platform, a fundraise or an income is not what the client will spend.</summary>
    public static readonly Regex NotMoneyBefore = Build("(?:" + Table("not-spending-words") + @")\W*(?:\p{L}+\W+)?$", Insensitive);

    /// <summary>A unit-less number only counts when the budget word is followed by nothing but filler.</summary>
    public static readonly Regex FillerOnly = Build(@"^(?:[\s:：=\-]|" + Table("budget-fillers") + ")*$", Insensitive);

    /// <summary>A unit making a number after a budget word a count, a duration or a size.</summary>
    public static readonly Regex NonMoneyUnitAfter = Build(@"^\s*(?:" + Table("count-units") + ")", Insensitive);

    /// <summary>Floor words before an amount ("at least").</summary>
    public static readonly Regex OpenPrefix = Build(@"(?<![\p{L}])(?:" + Table("floor-words") + @")\s*$", Insensitive);

    /// <summary>
    /// "45 ans", "35-38 ans": a range names the first person first, who is usually the client. The group
    /// <c>bareyears</c> marks a unit that also measures tenure.
    /// </summary>
    public static readonly Regex AgeSuffix = Build(
        @"(?<![0-9]|[0-9][.,])(?<n>[0-9]{1,3})(?![0-9])(?:\s*-\s*[0-9]{1,3}|\s+(?:" + Table("age-range-words") + @")\s+[0-9]{1,3})?"
        + @"\s*(?:" + string.Join('|', FactTable.Load("age-units").Rows.Select(r => FactTable.Column(r, 2) == "bare" ? $"(?<bareyears>{r[1]})" : r[1])) + ")",
        Insensitive);

    /// <summary>Durations ("depuis 10 ans", "for 20 years") and anniversaries ("Hochzeitstag 25 Jahre") use age words too.</summary>
    public static readonly Regex NotAgeBefore = Build(@"(?<![\p{L}])(?:" + Table("not-age-before") + @")\s*$", Insensitive);

    /// <summary>"20 ans de mariage", "30 years of experience".</summary>
    public static readonly Regex NotAgeAfter = BuildNotAgeAfter();

    /// <summary>"30 years in banking" is tenure.</summary>
    public static readonly Regex TenureAfter = Build(@"^\s+(?:" + Table("tenure-words") + @")(?![\p{L}])", Insensitive);

    /// <summary>The age words written before a number ("aged 45"), lower case literal text, with their table row.</summary>
    public static readonly IReadOnlyList<string[]> AgeWordRows = FactTable.Load("age-words").Rows;

    /// <summary>Particles allowed between an age word and its number.</summary>
    public static readonly IReadOnlyList<string> AgeParticles = FactTable.Load("age-particles").Terms;

    /// <summary>"aged 45", "Alter: 45", "年齢は38".</summary>
    public static readonly Regex AgePrefix = Build(
        @"(?<![\p{L}])(?:" + string.Join('|', AgeWordRows.Select(r => Regex.Escape(r[1]) + (FactTable.Column(r, 2) == "open" ? @"\w*" : string.Empty)))
        + @")\s*(?:" + string.Join('|', AgeParticles.Select(Regex.Escape))
        + @")?\s*:?\s*(?<n>[0-9]{1,3})(?![0-9])(?!\s*(?:[kK€$£%]|(?-i:M)(?![A-Za-z])|-\s*[0-9]))",
        Insensitive);

    /// <summary>English notes put the age in apposition: "Meeting with Weber, 63, who is", "Ito (68)".</summary>
    public static readonly Regex AgeApposition = Build(
        @"(?<![\p{L}])\p{Lu}[\p{L}'’\-]+\s*(?:,\s*|\(\s*)(?<n>[0-9]{2})(?:\s*-\s*[0-9]{2})?\s*(?:[,;)]|\.(?:\s|$))",
        Sensitive);

    /// <summary>The titles after which "Name 45 …" states an age.</summary>
    public static readonly IReadOnlyList<string> AgeTitles = Titles.All.Where(t => t.StatesAge).Select(t => t.Text).ToList();

    /// <summary>"Mrs Anna Weber 63 wants".</summary>
    public static readonly Regex AgeAfterTitledName = Build(
        @"(?<![\p{L}])(?:" + string.Join('|', AgeTitles.Select(Regex.Escape))
        + @")\.?\s+(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}(?<n>[0-9]{2})(?=\s+\p{Ll})",
        Sensitive);

    /// <summary>The relation words, lower case, each also written with an upper-case first letter.</summary>
    public static readonly IReadOnlyList<string> RelationWords = FactTable.Load("relation-words").Terms;

    /// <summary>"Husband 58, wife 55".</summary>
    public static readonly Regex AgeAfterRelation = Build(
        @"(?<![\p{L}])(?:" + string.Join('|', RelationWords.Select(w => $"[{char.ToUpperInvariant(w[0])}{w[0]}]{Regex.Escape(w[1..])}"))
        + @")\s+(?<n>[0-9]{2})(?=\s*[,;]|\s+\p{Ll})",
        Sensitive);

    /// <summary>", around 45,".</summary>
    public static readonly Regex AgeApprox = Build(
        @",\s*(?:" + Table("approximate-words") + @")\s+(?<n>[0-9]{2})(?=\s*[,;)]|\.(?:\s|$))", Insensitive);

    private static string BuildMoneyPattern()
    {
        string spaced = string.Join('|', Magnitudes.TermsWhere(3, "spaced"));
        string attached = string.Join('|', Magnitudes.TermsWhere(3, "attached"));
        string currency = Table("currencies");
        string prefix = PrefixCurrencyPattern();
        string Amount(string s) =>
            $@"(?:(?<pcur{s}>{prefix})\s?|{NotAfterWordChar})(?<num{s}>{Number})"
            + $@"(?:\s?(?<mag{s}>{spaced})|(?<mag{s}>(?-i:{attached}))(?![A-Za-z]))?"
            + $@"(?:\s?(?<cur{s}>{currency}))?";

        // Word separators need surrounding spaces so "e"/"a"/"y" never split a token.
        string range = @"(?:\s*-\s*|\s+(?:" + Table("range-words") + @")\s+)";
        var open = FactTable.Load("open-suffixes");
        string openSuffix = @"(?<open>\s?(?:" + string.Join('|', open.TermsWhere(2, "attached")) + @")|\s+(?:"
            + string.Join('|', open.TermsWhere(2, "spaced")) + @")(?![A-Za-z]))?";
        return $"{Amount("a")}(?:{range}{Amount("b")})?{openSuffix}";
    }

    // A single symbol stands alone; a word must not run on into letters ("eurostar").
    private static string PrefixCurrencyPattern()
    {
        var symbols = PrefixCurrencies.Where(c => c.Length == 1).ToList();
        var words = PrefixCurrencies.Where(c => c.Length > 1).ToList();
        var parts = new List<string>();
        if (symbols.Count > 0)
        {
            parts.Add("[" + string.Concat(symbols.Select(Regex.Escape)) + "]");
        }

        if (words.Count > 0)
        {
            parts.Add("(?:" + string.Join('|', words.Select(Regex.Escape)) + ")(?![A-Za-z])");
        }

        return string.Join('|', parts);
    }

    private static Regex BuildNotAgeAfter()
    {
        var table = FactTable.Load("not-age-after");
        return Build(
            @"^\s*(?:" + string.Join('|', table.TermsWhere(2, "particle")) + ")?(?:" + string.Join('|', table.TermsWhere(2, string.Empty)) + ")",
            Insensitive);
    }

    private static string Table(string name) => FactTable.Load(name).Alternation();

    private static Regex Build(string pattern, RegexOptions options) => new(pattern, options, MatchTimeout);
}
