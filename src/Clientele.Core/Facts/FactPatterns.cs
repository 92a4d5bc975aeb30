using System.Text.RegularExpressions;
using Clientele.Core.Text;

namespace Clientele.Core.Facts;

/// <summary>
/// The fact extractor's patterns, built once from the per-language tables: this file holds the language-neutral
/// shape of an amount, a range or an age; every word comes from Facts/Resources. The regexes themselves are a
/// <see cref="FactRegexes"/> set: interpreted at first, compiled once a run has shown it has many notes to read.
/// </summary>
internal static class FactPatterns
{
    /// <summary>The regexes to use now (one set shared by every thread: Regex is thread-safe).</summary>
    public static FactRegexes Regexes => Volatile.Read(ref _regexes);

    /// <summary>Whether the compiled set has replaced the interpreted one.</summary>
    public static bool Compiled => Regexes.Engine == RegexOptions.Compiled;

    /// <summary>
    /// Builds the compiled set on a pool thread and swaps it in when ready (once per process; later calls do nothing).
    /// </summary>
    /// <remarks>
    /// Interpreted at first, not RegexOptions.Compiled: compiling these table-built patterns to IL at every process
    /// start cost more than a short command's whole scoring (predict of 2,000 clients, whole process, median of 7
    /// alternated runs: 3.17 → 2.75 s with ReadyToRun); docs/BENCHMARKS.md "Startup". Compiled code matches about twice
    /// as fast, so a run with many notes compiles once, beside the work (Defaults.CompileFactRegexesAfterNotes);
    /// matches are the same with either engine.
    /// </remarks>
    public static void CompileInBackground()
    {
        if (Interlocked.Exchange(ref _compiling, 1) == 0)
        {
            _ = Task.Run(() => Volatile.Write(ref _regexes, FactRegexes.Warm(new FactRegexes(RegexOptions.Compiled))));
        }
    }

    // No match timeout, as the occasions' DateFinder: a timeout makes a client's facts depend on machine load (100 ms
    // was once exceeded by a cold thread on a loaded machine), and the engine reads the clock at every match it starts,
    // which was a third of the extractor's time where reading the clock is a system call (measured, docs/BENCHMARKS.md).
    // The patterns have no nested unbounded quantifier over alternatives that can match the same text, so their cost
    // is bounded by the input, which NoteNormalizer caps at 20,000 characters; FactExtractorTests runs worst-case
    // inputs of that length for every pattern.
    public static readonly TimeSpan MatchTimeout = Regex.InfiniteMatchTimeout;

    public const RegexOptions Insensitive =
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    // Name-shaped patterns rely on capitalisation, which IgnoreCase would erase.
    public const RegexOptions Sensitive =
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

    public static readonly string MoneyPattern = BuildMoneyPattern();

    /// <summary>The age words written before a number ("aged 45"), lower case literal text, with their table row.</summary>
    public static readonly IReadOnlyList<string[]> AgeWordRows = FactTable.Load("age-words").Rows;

    /// <summary>Particles allowed between an age word and its number.</summary>
    public static readonly IReadOnlyList<string> AgeParticles = FactTable.Load("age-particles").Terms;

    /// <summary>The titles after which "Name 45 …" states an age.</summary>
    public static readonly IReadOnlyList<string> AgeTitles = Titles.All.Where(t => t.StatesAge).Select(t => t.Text).ToList();

    /// <summary>The relation words, lower case, each also written with an upper-case first letter.</summary>
    public static readonly IReadOnlyList<string> RelationWords = FactTable.Load("relation-words").Terms;

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

    /// <summary>A table's terms as one alternation.</summary>
    public static string Table(string name) => FactTable.Load(name).Alternation();

    private static int _compiling;

    // Last: its regexes are built from the tables and patterns above, which static initialisation sets in text order.
    private static FactRegexes _regexes = new(RegexOptions.None);
}
