using System.Text.RegularExpressions;
using static Clientele.Core.Facts.FactPatterns;

namespace Clientele.Core.Facts;

/// <summary>
/// One set of the fact extractor's regexes, built from <see cref="FactPatterns"/>' tables with one engine:
/// interpreted (no start-up cost) or compiled (faster per note). Immutable and shared by every thread.
/// </summary>
internal sealed class FactRegexes(RegexOptions engine)
{
    /// <summary>The engine option this set was built with (<see cref="RegexOptions.None"/> or <see cref="RegexOptions.Compiled"/>).</summary>
    public RegexOptions Engine { get; } = engine;

    /// <summary>
    /// Runs every regex once, so a compiled set's code is generated on the thread that built it, not on the first
    /// note that reaches each one (about 0.2 s for the whole set).
    /// </summary>
    public static FactRegexes Warm(FactRegexes set)
    {
        ArgumentNullException.ThrowIfNull(set);
        foreach (var regex in set.All)
        {
            regex.IsMatch("Budget 25K, Mrs Anna Weber 63, aged 45");
        }

        return set;
    }

    /// <summary>Every regex of the set, once (a test checks that none of the properties is missing here).</summary>
    public IReadOnlyList<Regex> All =>
    [
        MoneyAt, MagnitudeRow, BudgetWord, NotMoneyAfter, NotMoneyBefore, FillerOnly, NonMoneyUnitAfter, OpenPrefix, AgeSuffix,
        NotAgeBefore, NotAgeAfter, TenureAfter, AgePrefix, AgeApposition, AgeAfterTitledName, AgeAfterRelation, AgeApprox,
    ];

    /// <summary>
    /// The money pattern anchored at the start position (\G): scanning every position of a note with the free
    /// pattern cost more than all other regexes together (its lookbehind alternative defeats the engine's
    /// first-character search), so only positions next to a digit are tried; see MoneyScanner.
    /// </summary>
    public Regex MoneyAt { get; } = Build(engine, $@"\G(?:{MoneyPattern})", Insensitive);

    /// <summary>A magnitude word as matched, one group per row of the magnitudes table, to read its value.</summary>
    public Regex MagnitudeRow { get; } = Build(
        engine,
        "^(?:" + string.Join('|', Magnitudes.Rows.Select((row, i) => $"(?<m{i}>{(row[3] == "attached" ? $"(?-i:{row[1]})" : row[1])})")) + ")$",
        Insensitive);

    /// <summary>Words naming a budget.</summary>
    public Regex BudgetWord { get; } = Build(engine, @"(?<![A-Za-z])(?:" + Table("budget-words") + ")", Insensitive);

    /// <summary>Follower counts share the "NK" shape with budgets.</summary>
    public Regex NotMoneyAfter { get; } = Build(engine, @"^\W{0,3}(?:\p{L}+\s+)?(?:" + Table("audience-words") + ")", Insensitive);

    /// <summary>Money said about a platform, a fundraise or an income is not what the client will spend.</summary>
    public Regex NotMoneyBefore { get; } = Build(engine, "(?:" + Table("not-spending-words") + @")\W*(?:\p{L}+\W+)?$", Insensitive);

    /// <summary>A unit-less number only counts when the budget word is followed by nothing but filler.</summary>
    public Regex FillerOnly { get; } = Build(engine, @"^(?:[\s:：=\-]|" + Table("budget-fillers") + ")*$", Insensitive);

    /// <summary>A unit making a number after a budget word a count, a duration or a size.</summary>
    public Regex NonMoneyUnitAfter { get; } = Build(engine, @"^\s*(?:" + Table("count-units") + ")", Insensitive);

    /// <summary>Floor words before an amount ("at least").</summary>
    public Regex OpenPrefix { get; } = Build(engine, @"(?<![\p{L}])(?:" + Table("floor-words") + @")\s*$", Insensitive);

    /// <summary>
    /// "45 ans", "35-38 ans": a range names the first person first, who is usually the client. The group
    /// <c>bareyears</c> marks a unit that also measures tenure.
    /// </summary>
    public Regex AgeSuffix { get; } = Build(
        engine,
        @"(?<![0-9]|[0-9][.,])(?<n>[0-9]{1,3})(?![0-9])(?:\s*-\s*[0-9]{1,3}|\s+(?:" + Table("age-range-words") + @")\s+[0-9]{1,3})?"
        + @"\s*(?:" + string.Join('|', FactTable.Load("age-units").Rows.Select(r => FactTable.Column(r, 2) == "bare" ? $"(?<bareyears>{r[1]})" : r[1])) + ")",
        Insensitive);

    /// <summary>Durations ("depuis 10 ans", "for 20 years") and anniversaries ("Hochzeitstag 25 Jahre") use age words too.</summary>
    public Regex NotAgeBefore { get; } = Build(engine, @"(?<![\p{L}])(?:" + Table("not-age-before") + @")\s*$", Insensitive);

    /// <summary>"20 ans de mariage", "30 years of experience".</summary>
    public Regex NotAgeAfter { get; } = BuildNotAgeAfter(engine);

    /// <summary>"30 years in banking" is tenure.</summary>
    public Regex TenureAfter { get; } = Build(engine, @"^\s+(?:" + Table("tenure-words") + @")(?![\p{L}])", Insensitive);

    /// <summary>"aged 45", "Alter: 45", "年齢は38".</summary>
    public Regex AgePrefix { get; } = Build(
        engine,
        @"(?<![\p{L}])(?:" + string.Join('|', AgeWordRows.Select(r => Regex.Escape(r[1]) + (FactTable.Column(r, 2) == "open" ? @"\w*" : string.Empty)))
        + @")\s*(?:" + string.Join('|', AgeParticles.Select(Regex.Escape))
        + @")?\s*:?\s*(?<n>[0-9]{1,3})(?![0-9])(?!\s*(?:[kK€$£%]|(?-i:M)(?![A-Za-z])|-\s*[0-9]))",
        Insensitive);

    /// <summary>English notes put the age in apposition: "Meeting with Weber, 63, who is", "Ito (68)".</summary>
    public Regex AgeApposition { get; } = Build(
        engine,
        @"(?<![\p{L}])\p{Lu}[\p{L}'’\-]+\s*(?:,\s*|\(\s*)(?<n>[0-9]{2})(?:\s*-\s*[0-9]{2})?\s*(?:[,;)]|\.(?:\s|$))",
        Sensitive);

    /// <summary>"Mrs Anna Weber 63 wants".</summary>
    public Regex AgeAfterTitledName { get; } = Build(
        engine,
        @"(?<![\p{L}])(?:" + string.Join('|', AgeTitles.Select(Regex.Escape))
        + @")\.?\s+(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}(?<n>[0-9]{2})(?=\s+\p{Ll})",
        Sensitive);

    /// <summary>"Husband 58, wife 55".</summary>
    public Regex AgeAfterRelation { get; } = Build(
        engine,
        @"(?<![\p{L}])(?:" + string.Join('|', RelationWords.Select(w => $"[{char.ToUpperInvariant(w[0])}{w[0]}]{Regex.Escape(w[1..])}"))
        + @")\s+(?<n>[0-9]{2})(?=\s*[,;]|\s+\p{Ll})",
        Sensitive);

    /// <summary>", around 45,".</summary>
    public Regex AgeApprox { get; } = Build(
        engine,
        @",\s*(?:" + Table("approximate-words") + @")\s+(?<n>[0-9]{2})(?=\s*[,;)]|\.(?:\s|$))", Insensitive);

    private static Regex BuildNotAgeAfter(RegexOptions engine)
    {
        var table = FactTable.Load("not-age-after");
        return Build(
            engine,
            @"^\s*(?:" + string.Join('|', table.TermsWhere(2, "particle")) + ")?(?:" + string.Join('|', table.TermsWhere(2, string.Empty)) + ")",
            Insensitive);
    }

    private static Regex Build(RegexOptions engine, string pattern, RegexOptions options) => new(pattern, options | engine, MatchTimeout);
}
