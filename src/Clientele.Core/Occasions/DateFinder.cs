using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Core.Text;

namespace Clientele.Core.Occasions;

/// <summary>
/// Finds date expressions in folded note text: day and month in the spoken orders of the 12 languages
/// ("14 March", "March 14th", "3. Juni", "14 de marzo", "3月14日", "3월 14일"), numeric forms (14/03, 14.03.2027,
/// 2027-03-14), a month alone ("in June", "6月") and relative expressions ("next month", "in two weeks").
/// The patterns are structural; every word in them comes from the data files.
/// </summary>
internal sealed class DateFinder
{
    // No match timeout: a timeout made results depend on machine load (the first call of these large compiled
    // patterns, JIT included, outlasted 2 s on a busy machine). The patterns have no nested quantifiers, so their
    // cost is linear in the input, which the extractor caps at 20,000 characters.
    private static readonly TimeSpan MatchTimeout = Regex.InfiniteMatchTimeout;

    // Interpreted, as the fact patterns (FactPatterns): compiling to IL at start cost more than short commands gained.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private readonly OccasionWords words;
    private readonly Regex dayMonth;
    private readonly Regex monthDay;
    private readonly Regex cjk;
    private readonly Regex numeric;
    private readonly Regex iso;
    private readonly Regex monthAlone;
    private readonly Regex relative;

    public DateFinder(OccasionWords words)
    {
        this.words = words;
        var allMonths = Alternation(words.Months.Keys);
        var standalone = Alternation(words.Months.Where(m => m.Value.Standalone).Select(m => m.Key));
        var suffix = Alternation(words.GlueOf("day_suffix"));
        var joiner = Alternation(words.GlueOf("joiner"));
        var monthUnit = Alternation(words.GlueOf("month_unit"));
        var dayUnit = Alternation(words.GlueOf("day_unit"));
        var yearUnit = Alternation(words.GlueOf("year_unit"));
        const string year = @"(?:\s*,?\s*(?<y>\d{4})(?!\d))?";

        dayMonth = new Regex($@"(?<!\d)(?<d>\d{{1,2}})(?:{suffix})?\s*(?:(?:{joiner})\s+)?(?<m>{allMonths})(?!\p{{L}}){year}", Options, MatchTimeout);
        monthDay = new Regex($@"(?<!\p{{L}})(?<m>{allMonths})\s+(?<d>\d{{1,2}})(?:{suffix})?(?!\d|\p{{L}}){year}", Options, MatchTimeout);
        cjk = new Regex($@"(?<!\d)(?:(?<y>\d{{4}})\s*(?:{yearUnit})\s*)?(?<mn>\d{{1,2}})\s*(?:{monthUnit})(?:\s*(?<d>\d{{1,2}})\s*(?:{dayUnit}))?", Options, MatchTimeout);

        // Amounts look like dates ("2.5k", "12.10 €"): a unit or currency right after rules the reading out.
        numeric = new Regex(@"(?<![\d/.,])(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2})(?!\d))?(?<dot>\.)?(?!\d|[.,]\d|\s*(?:k|€|%|\$|£|eur|chf|usd)(?!\p{L}))", Options, MatchTimeout);
        iso = new Regex(@"(?<!\d)(?<y>\d{4})-(?<mn>\d{2})-(?<d>\d{2})(?!\d)", Options, MatchTimeout);
        monthAlone = new Regex($@"(?<!\p{{L}})(?<m>{standalone})(?!\p{{L}}){year}", Options, MatchTimeout);
        relative = new Regex(RelativePattern(words), Options, MatchTimeout);
    }

    /// <summary>Date mentions in <paramref name="folded"/>, non-overlapping (the longest wins), in text order.</summary>
    public List<DateMention> Find(string folded) => Find(folded, [(0, folded.Length)]);

    /// <summary>
    /// Date mentions inside the given windows of <paramref name="folded"/> only (sorted, non-overlapping): dates far
    /// from every trigger can never be linked, and scanning only near triggers keeps long notes cheap.
    /// </summary>
    public List<DateMention> Find(string folded, IReadOnlyList<(int Start, int End)> windows)
    {
        var found = new List<DateMention>();
        var local = new List<DateMention>();
        foreach (var (start, end) in windows)
        {
            // A window edge reads as the start or end of the text; windows are wide enough that a mention cut by
            // one is too far from its trigger to be linked anyway.
            local.Clear();
            FindIn(start == 0 && end == folded.Length ? folded : folded[start..end], local);
            found.AddRange(local.Select(m => m with { Start = m.Start + start, End = m.End + start }));
        }

        // Longest first at each place, so "14 March" beats "March" and "下个月" beats a bare "月".
        found.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length));
        var kept = new List<DateMention>(found.Count);
        foreach (var mention in found)
        {
            if (kept.Count == 0 || mention.Start >= kept[^1].End)
            {
                kept.Add(mention);
            }
        }

        return kept;
    }

    private void FindIn(string folded, List<DateMention> found)
    {
        foreach (Match m in dayMonth.Matches(folded))
        {
            AddDayMonth(found, m, Month(m.Groups["m"].Value), Int(m.Groups["d"]), m.Groups["y"]);
        }

        foreach (Match m in monthDay.Matches(folded))
        {
            AddDayMonth(found, m, Month(m.Groups["m"].Value), Int(m.Groups["d"]), m.Groups["y"]);
        }

        foreach (Match m in cjk.Matches(folded))
        {
            if (m.Groups["d"].Success)
            {
                AddDayMonth(found, m, Int(m.Groups["mn"]), Int(m.Groups["d"]), m.Groups["y"]);
            }
            else if (Int(m.Groups["mn"]) is >= 1 and <= 12)
            {
                found.Add(new DateMention(m.Index, m.Index + m.Length, DatePrecision.Month, Int(m.Groups["mn"])));
            }
        }

        foreach (Match m in numeric.Matches(folded))
        {
            AddNumeric(found, m);
        }

        foreach (Match m in iso.Matches(folded))
        {
            AddDayMonth(found, m, Int(m.Groups["mn"]), Int(m.Groups["d"]), m.Groups["y"]);
        }

        foreach (Match m in monthAlone.Matches(folded))
        {
            var year = m.Groups["y"].Success ? Int(m.Groups["y"]) : (int?)null;
            found.Add(new DateMention(m.Index, m.Index + m.Length, DatePrecision.Month, Month(m.Groups["m"].Value), Year: year));
        }

        foreach (Match m in relative.Matches(folded))
        {
            AddRelative(found, m);
        }
    }

    private static void AddNumeric(List<DateMention> found, Match m)
    {
        var a = Int(m.Groups["a"]);
        var b = Int(m.Groups["b"]);

        // "3.5" is a number; a dotted date writes a two-digit month or closes with a dot ("3.5.", "03.05").
        if (m.Groups["sep"].Value == "." && m.Groups["b"].Length < 2 && !m.Groups["dot"].Success)
        {
            return;
        }

        // Day first (European) unless only the other reading is possible (3/14 is March 14). Dotted forms are
        // always day first: "10.30" read month first would turn a meeting time into 30 October.
        var slash = m.Groups["sep"].Value == "/";
        var (day, month) = slash && b > 12 && a <= 12 ? (b, a) : (a, b);
        var year = m.Groups["y"];
        AddDayMonth(found, m, month, day, year, twoDigitYear: year.Success && year.Length == 2);
    }

    private void AddRelative(List<DateMention> found, Match m)
    {
        for (var i = 0; i < words.Relatives.Count; i++)
        {
            if (!m.Groups["r" + i.ToString(CultureInfo.InvariantCulture)].Success)
            {
                continue;
            }

            var word = words.Relatives[i];
            var amount = word.Amount ?? Number(m.Groups["n"].Value);
            if (amount is not { } n || Math.Abs(n) > 60)
            {
                return;
            }

            var mention = word.Unit switch
            {
                "day" => new DateMention(m.Index, m.Index + m.Length, DatePrecision.RelativeDays, Offset: n),
                "week" => new DateMention(m.Index, m.Index + m.Length, DatePrecision.RelativeDays, Offset: 7 * n),
                "month" => new DateMention(m.Index, m.Index + m.Length, DatePrecision.RelativeMonths, Offset: n),
                _ => new DateMention(m.Index, m.Index + m.Length, DatePrecision.Season),
            };
            found.Add(mention);
            return;
        }
    }

    private static void AddDayMonth(List<DateMention> found, Match m, int month, int day, Group year, bool twoDigitYear = false)
    {
        // Day 29 of February is checked against a leap year: the date exists, in some years.
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return;
        }

        int? y = year.Success ? Int(year) + (twoDigitYear ? 2000 : 0) : null;
        if (y is { } stated && (stated < 1900 || stated > 2200 || (month == 2 && day == 29 && !DateTime.IsLeapYear(stated))))
        {
            y = null;
        }

        found.Add(new DateMention(m.Index, m.Index + m.Length, DatePrecision.DayMonth, month, day, y));
    }

    private int Month(string name) => words.Months.TryGetValue(Regex.Replace(name, @"\s+", " "), out var m) ? m.Month : 0;

    private int? Number(string text) =>
        text.Length > 0 && char.IsDigit(text[0]) ? Digits(text) : words.Numerals.TryGetValue(text, out var n) ? n : null;

    private static int Int(Group g) => Digits(g.Value);

    // Arabic-Indic and other Unicode digits count too: \d matches them and notes use them.
    private static int Digits(string text)
    {
        var value = 0;
        foreach (var c in text)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }

    private static string RelativePattern(OccasionWords words)
    {
        var numerals = Alternation(words.Numerals.Keys);
        var number = $@"(?<n>\d{{1,2}}|{numerals})";
        var parts = new List<(string Pattern, int Length)>();
        for (var i = 0; i < words.Relatives.Count; i++)
        {
            var phrase = words.Relatives[i].Folded;
            var pieces = phrase.Split("{n}");
            var body = string.Join(number, pieces.Select(Literal));
            parts.Add(($@"(?<r{i.ToString(CultureInfo.InvariantCulture)}>{Bounded(phrase, body)})", phrase.Length));
        }

        // Longer phrases first: "la semaine prochaine" before "semaine prochaine".
        return string.Join('|', parts.OrderByDescending(p => p.Length).Select(p => p.Pattern));
    }

    /// <summary>Wraps a phrase pattern in word boundaries where its script is spaced.</summary>
    internal static string Bounded(string phrase, string body)
    {
        var sb = new StringBuilder();
        if (NeedsBoundary(phrase[0]))
        {
            sb.Append(@"(?<!\p{L})");
        }

        sb.Append(body);
        if (NeedsBoundary(phrase[^1]))
        {
            sb.Append(@"(?!\p{L})");
        }

        return sb.ToString();
    }

    private static bool NeedsBoundary(char c) => char.IsLetter(c) && !TextFolder.IsUnspacedScript(c);

    private static string Alternation(IEnumerable<string> phrases)
    {
        var list = phrases.Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).Select(Literal).ToList();
        return list.Count == 0 ? "(?!)" : string.Join('|', list);
    }

    // Spaces in a phrase match any run of whitespace ("14  mars", "다음  주").
    private static string Literal(string phrase) => Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
}
