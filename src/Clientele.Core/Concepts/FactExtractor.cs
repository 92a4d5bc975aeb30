using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Clientele.Core.Concepts;

/// <summary>Facts stated in a note that concepts cannot carry: budget (in thousands) and age.</summary>
/// <param name="BudgetLowK">Lower bound of the stated budget, in thousands of the note's currency; null when no budget is stated.</param>
/// <param name="BudgetHighK">Upper bound of the stated budget, in thousands; equals <paramref name="BudgetLowK"/> for a single amount.</param>
/// <param name="BudgetOpenEnded">True when the budget was stated as a floor ("20K+", "at least 20K").</param>
/// <param name="Age">The first plausible age (16..110) stated in the note, usually the client's; null when none.</param>
public readonly record struct NoteFacts(float? BudgetLowK, float? BudgetHighK, bool BudgetOpenEnded, int? Age);

/// <summary>
/// Pulls the client's stated budget and age out of a free-text advisor note written in any of
/// EN FR DE ES IT PT NL RU AR JA KO ZH (often mixed with English). Rule-based on purpose: the
/// facts are numeric and their phrasing is formulaic, so a handful of anchored patterns beat a model
/// and stay auditable. Never throws; hostile input degrades to <c>default</c> facts.
/// </summary>
public static class FactExtractor
{
    // Real notes are a few hundred characters; capping the scan bounds worst-case work so a
    // pasted document cannot make one call cost more than a few regex timeouts.
    private const int MaxScanChars = 20_000;

    // A budget word and its amount are written close together; anything further is another fact.
    private const int MaxLinkDistance = 80;
    private const int MaxBackLinkDistance = 25;
    private const int ContextWindow = 40;
    private const int MinAge = 16;
    private const int MaxAge = 110;

    // Above a billion the number is a valuation or follower count, not a shopping budget.
    private const double MaxBudgetK = 1_000_000;

    // A guard against pathological input, not a budget: real notes match in microseconds. 100 ms was once
    // exceeded by a cold thread on a loaded machine, which made a client's stated age depend on machine load;
    // 2 s keeps facts deterministic while still bounding hostile input (capped at MaxScanChars).
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private const RegexOptions Insensitive =
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    // Name-shaped patterns rely on capitalisation, which IgnoreCase would erase.
    private const RegexOptions Sensitive =
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Latin/Greek/Cyrillic letters glued to a digit mean a code ("A320", "x3"), not an amount.
    // CJK and Arabic are deliberately absent: "预算为25K" glues the amount to the budget word.
    private const string NotAfterWordChar = @"(?<![0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[0-9][.,])";

    // Grouped thousands ("3 000", "3,000", "3.000", "3'000") are tried first so "3,000" is not read as 3.0.
    private const string Number = @"(?:[0-9]{1,3}(?:[,.' ’][0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?)";

    private const string WordMagnitude =
        @"k(?![A-Za-z])|mio\.?(?![A-Za-z])|mln(?![A-Za-z])|million\w*|millones|milion[ei]|milh(?:ão|ões|oes)|miljoen\w*|"
        + @"млн\.?|миллион\w*|mil(?![A-Za-z])|mila(?![A-Za-z])|mille(?![A-Za-z])|thousand|tausend|duizend|tsd\.?|тыс\.?\w*|آلاف|ألف|الف|"
        + @"千万|千萬|천만|百万|百萬|백만|千|천|万|萬|만|億|亿|억";

    private const string Currency =
        @"€|\$|£|¥|₩|₽|円|元|원|eur(?:os?)?(?![A-Za-z])|usd(?![A-Za-z])|gbp(?![A-Za-z])|chf(?![A-Za-z])|dollars?|pounds?|"
        + @"francs?|yen(?![A-Za-z])|yuan|reais|руб\w*|евро|долл\w*|يورو|دولار|درهم|ريال|ユーロ|ドル|欧元|美元|유로|달러";

    private const string PrefixCurrency = @"[€$£¥₩₽]|(?:eur|usd|gbp|chf|us\$|r\$)(?![A-Za-z])";

    private static string Amount(string s) =>
        $@"(?:(?<pcur{s}>{PrefixCurrency})\s?|{NotAfterWordChar})(?<num{s}>{Number})"
        + $@"(?:\s?(?<mag{s}>{WordMagnitude})|(?<mag{s}>(?-i:M))(?![A-Za-z]))?"
        + $@"(?:\s?(?<cur{s}>{Currency}))?";

    // Word separators need surrounding spaces so "e"/"a"/"y" never split a token.
    private const string RangeSeparator =
        @"(?:\s*-\s*|\s+(?:to|à|a|au|bis|tot|e|et|and|und|y|en|до|or|ou|oder|of|o|tra)\s+)";

    private const string OpenSuffix =
        @"(?<open>\s?\+|\s?(?:以上|이상)|\s+(?:or more|and (?:up|above|more)|ou plus|et plus|oder mehr|und mehr|o más|y más|o più|e oltre|"
        + @"ou mais|of meer|en meer|и более|и выше|или больше|أو أكثر)(?![A-Za-z]))?";

    private static readonly string MoneyPattern = $"{Amount("a")}(?:{RangeSeparator}{Amount("b")})?{OpenSuffix}";

    // The money pattern anchored at the start position (\G): scanning every position of a note with the free
    // pattern cost more than all other regexes together (its lookbehind alternative defeats the engine's
    // first-character search), so only positions next to a digit are tried; see NextMoney.
    private static readonly Regex MoneyAtRegex = new($@"\G(?:{MoneyPattern})", Insensitive, MatchTimeout);

    /// <summary>Group numbers of the money pattern, looked up once: reading groups by name hashed the name on every candidate.</summary>
    private static class MoneyGroups
    {
        public static readonly Side A = new("a");
        public static readonly Side B = new("b");
        public static readonly int Open = MoneyAtRegex.GroupNumberFromName("open");

        public sealed class Side(string s)
        {
            public int Num { get; } = MoneyAtRegex.GroupNumberFromName("num" + s);

            public int Mag { get; } = MoneyAtRegex.GroupNumberFromName("mag" + s);

            public int Cur { get; } = MoneyAtRegex.GroupNumberFromName("cur" + s);

            public int Pcur { get; } = MoneyAtRegex.GroupNumberFromName("pcur" + s);
        }
    }

    // A money match reaches its first digit after at most a prefix currency and a space ("us$ 5"): 3 + 1 chars.
    private const int MaxMoneyPrefix = 4;

    private static readonly Regex BudgetWordRegex = new(
        @"(?<![A-Za-z])(?:budget\w*|presupuesto\w*|or[çc]amento\w*|bilancio|бюджет\w*|الميزانية|ميزانية|ميزانيه|ميزانيت\w*|"
        + @"ご予算|予算|预算|預算|예산|spend(?:ing)?(?![A-Za-z])|price range|preisrahmen|fourchette)",
        Insensitive, MatchTimeout);

    // Follower counts share the "NK" shape with budgets.
    private static readonly Regex NotMoneyAfterRegex = new(
        @"^\W{0,3}(?:\p{L}+\s+)?(?:(?:followers?|seguidor[ae]s|abonn[ée]s|abonnenten|iscritti|subscribers?|volgers|подписчик\w*|"
        + @"фолловер\w*|views|vues|likes|fans)(?![A-Za-z])|フォロワー|팔로워|구독자|粉丝|关注者|متابع)",
        Insensitive, MatchTimeout);

    // Money said about a platform, a fundraise or an income is not what the client will spend.
    private static readonly Regex NotMoneyBeforeRegex = new(
        @"(?:instagram|tiktok|youtube|twitch|twitter|linkedin|snapchat|facebook|raised|funding|valuation|"
        + @"valued|revenue|turnover|salary|salaire|gehalt|stipendio|salario|umsatz|fatturato|facturación|chiffre d'affaires|"
        + @"lev[ée]e?|sold for|vendu|verkauft)\W*(?:\p{L}+\W+)?$",
        Insensitive, MatchTimeout);

    // A unit-less number only counts when the budget word is followed by nothing but filler.
    private static readonly Regex FillerOnlyRegex = new(
        @"^(?:[\s:：=\-]|de|of|von|van|di|do|da|du|d'|is|est|ist|è|es|é|は|为|為|是|около|примерно|circa|ca\.?|environ|"
        + @"around|about|approx\.?|um|etwa|ongeveer|cerca de|alrededor de|aproximadamente|約|约|대략|حوالي)*$",
        Insensitive, MatchTimeout);

    private static readonly Regex NonMoneyUnitAfterRegex = new(
        @"^\s*(?:ans?(?![\p{L}])|anni|años|anos|jahr\w*|jaar|years?|yrs?|лет|год\w*|歳|岁|세|عام|سنة|min\w*|h(?![\p{L}])|"
        + @"hours?|heures?|stunden?|ore(?![\p{L}])|horas?|uur|час\w*|分|時間|小时|시간|mois|months?|monat\w*|mes[ei]|meses|"
        + @"maand\w*|месяц\w*|jours?|days?|tage?n?|giorni|días|dias|dagen|semaines?|weeks?|wochen?|settimane|semanas|weken|"
        + @"pièces?|pieces?|stück\w*|pezzi|piezas|peças|stuks|items?|personnes|people|persons?|personen|persone|personas|"
        + @"pessoas|guests|invités|gäste|invitati|invitados|convidados|gasten|%|x(?![\p{L}])|fois|times|cm|mm|kg|ml)",
        Insensitive, MatchTimeout);

    private static readonly Regex OpenPrefixRegex = new(
        @"(?<![\p{L}])(?:over|more than|at least|above|upwards of|minimum|min\.|plus de|au moins|à partir de|au-delà de|mindestens|über|ab|"
        + @"más de|mínimo|al menos|a partir de|por encima de|più di|almeno|oltre|sopra|mais de|pelo menos|acima de|minstens|"
        + @"meer dan|vanaf|boven|от|более|свыше|не менее|минимум|больше|أكثر من|على الأقل)\s*$",
        Insensitive, MatchTimeout);

    private const string AgeWord =
        @"(?:(?:ans|anni|años|anos|jahre|jaar|лет|года|год)(?![\p{L}])|-?\s*years?[\s-]*old(?![\p{L}])|(?<bareyears>years?|yrs?)(?![\p{L}])|"
        + @"y\.?\s?o\.?(?![\p{L}])|-?j[äa]hrig\w*|-?jarige?(?![\p{L}])|enne(?![\p{L}])|-?летн\w*|歳|才|周?岁|週?歲|세(?![트대기])|살|"
        + @"عام|سنة|سنوات|سنين)";

    // A range ("35-38 ans", "58 e 62 anni") names the first person first, who is usually the client.
    private static readonly Regex AgeSuffixRegex = new(
        @"(?<![0-9]|[0-9][.,])(?<n>[0-9]{1,3})(?![0-9])(?:\s*-\s*[0-9]{1,3}|\s+(?:e|et|y|and|und|en|и|à|a|to|bis|tot|or|ou|o)\s+[0-9]{1,3})?"
        + $@"\s*{AgeWord}",
        Insensitive, MatchTimeout);

    // Durations ("depuis 10 ans", "for 20 years") and anniversaries ("Hochzeitstag 25 Jahre") use age words too.
    private static readonly Regex NotAgeBeforeRegex = new(
        @"(?<![\p{L}])(?:since|depuis|seit|desde|dal|da|dai|há|sinds|for|pendant|durant|durante|per|während|over|after|"
        + @"après|nach|dopo|después|tras|em|in|dans|within|en|уже|за|через|il y a|anniversary|anniversaire|anniversario|"
        + @"aniversario|aniversário|jubiläum|jubileum|hochzeitstag|silberhochzeit|goldene hochzeit|годовщин\w*|mariage|"
        + @"marriage|matrimonio|boda|casamento|huwelijk|ehe|брак\w*|birthday|compleanno|cumpleaños|geburtstag|verjaardag|"
        + @"last|past|derniers?|dernières|letzten|ultimi|últimos|laatste|последни\w*|plus de|more than|über|más de|più di|"
        + @"mais de|meer dan|более)\s*$",
        Insensitive, MatchTimeout);

    private static readonly Regex NotAgeAfterRegex = new(
        @"^\s*(?:de\s+|di\s+|of\s+|d['’]\s*)?(?:mariage|marriage|matrimonio|casados|casamento|ehe(?![\p{L}])|huwelijk|брака|"
        + @"practice|experience|expérience|esperienza|experiencia|experiência|erfahrung|ervaring|опыта|ago|career|carrière|"
        + @"carriera|carrera|carreira|karriere|service|together|ensemble|insieme|juntos|zusammen|samen|вместе|relation\w*|"
        + @"relación|fidélité|fedeltà|plus tard|later|später)",
        Insensitive, MatchTimeout);

    private static readonly Regex TenureAfterRegex = new(
        @"^\s+(?:in|at|with|as|of|on|working|experience|ago|since|running)(?![\p{L}])", Insensitive, MatchTimeout);

    private static readonly Regex AgePrefixRegex = new(
        @"(?<![\p{L}])(?:aged|age|âgée?|âge|edad|età|alter|leeftijd|idade|возраст\w*|العمر|عمره|عمرها|年齢|年龄|나이)"
        + @"\s*(?:de|of|di|van|は|为|為)?\s*:?\s*(?<n>[0-9]{1,3})(?![0-9])(?!\s*(?:[kK€$£%]|(?-i:M)(?![A-Za-z])|-\s*[0-9]))",
        Insensitive, MatchTimeout);

    // English notes put the age in apposition: "Meeting with Weber, 63, who is", "Ito (68)".
    private static readonly Regex AgeAppositionRegex = new(
        @"(?<![\p{L}])\p{Lu}[\p{L}'’\-]+\s*(?:,\s*|\(\s*)(?<n>[0-9]{2})(?:\s*-\s*[0-9]{2})?\s*(?:[,;)]|\.(?:\s|$))",
        Sensitive, MatchTimeout);

    private static readonly Regex AgeAfterTitledNameRegex = new(
        @"(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Lady|Lord|M\.|Mme|Mlle|Herr|Frau|Sr|Sra|Srta|Sig|Signor|Signora|Dhr|Mevr)"
        + @"\.?\s+(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}(?<n>[0-9]{2})(?=\s+\p{Ll})",
        Sensitive, MatchTimeout);

    private static readonly Regex AgeAfterRelationRegex = new(
        @"(?<![\p{L}])(?:[Mm]other|[Ff]ather|[Hh]usband|[Ww]ife|[Dd]aughter|[Ss]on|[Cc]lient|[Cc]ustomer|[Bb]oth)\s+(?<n>[0-9]{2})"
        + @"(?=\s*[,;]|\s+\p{Ll})",
        Sensitive, MatchTimeout);

    private static readonly Regex AgeApproxRegex = new(
        @",\s*(?:around|about|approximately|roughly|circa|environ|etwa|ungefähr|около|примерно|unos|alrededor de|cerca de|ongeveer)"
        + @"\s+(?<n>[0-9]{2})(?=\s*[,;)]|\.(?:\s|$))",
        Insensitive, MatchTimeout);

    // The literal words of the two case-sensitive patterns above, for an exact ordinal prefilter.
    // The words of AgePrefixRegex. That pattern ignores case; OrdinalIgnoreCase compares upper-case forms, which
    // unifies every case variant the regex does for these letters (none of them has a Kelvin- or Ångström-like
    // sign whose upper case differs), so the prefilter never rejects a note the regex would match.
    // The ASCII words go through one vectorised multi-string search. A set with non-ASCII words made that search an
    // Aho-Corasick walk with a dictionary per character, which cost about a sixth of all fact extraction, so the
    // non-ASCII words are found from one distinctive character each instead (AgeAnchors).
    private static readonly string[] AsciiAgeWordList = ["aged", "age", "edad", "alter", "leeftijd", "idade"];

    private static readonly System.Buffers.SearchValues<string> AsciiAgeWords =
        System.Buffers.SearchValues.Create(AsciiAgeWordList, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] NonAsciiAgeWordList =
        ["âgée", "âge", "âgé", "età", "возраст", "العمر", "عمره", "عمرها", "年齢", "年龄", "나이"];

    /// <summary>
    /// Every character equal under OrdinalIgnoreCase to one of â à в ع 年 나, one of which each non-ASCII age word
    /// holds: an OrdinalIgnoreCase occurrence of such a word holds one of these characters, so scanning for them
    /// finds every occurrence the multi-string search found.
    /// </summary>
    internal static readonly System.Buffers.SearchValues<char> AgeAnchors = System.Buffers.SearchValues.Create(CaseVariants("âàвع年나"));

    private static string CaseVariants(string chars)
    {
        var upper = chars.Select(char.ToUpperInvariant).ToHashSet();
        var all = new System.Text.StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (upper.Contains(char.ToUpperInvariant((char)c)))
            {
                all.Append((char)c);
            }
        }

        return all.ToString();
    }

    private static readonly string[] RelationWordList =
        ["mother", "Mother", "father", "Father", "husband", "Husband", "wife", "Wife", "daughter", "Daughter", "son", "Son",
         "client", "Client", "customer", "Customer", "both", "Both"];

    private static readonly System.Buffers.SearchValues<string> RelationWords =
        System.Buffers.SearchValues.Create(RelationWordList, StringComparison.Ordinal);

    private const string OpenEndedAgeWord = "возраст";

    // Particles AgePrefixRegex allows between its word and the number.
    private static readonly string[] AgeParticles = ["de", "of", "di", "van", "は", "为", "為"];

    private static readonly System.Buffers.SearchValues<string> TitleWords = System.Buffers.SearchValues.Create(
        ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Lady", "Lord", "M.", "Mme", "Mlle", "Herr", "Frau", "Sr", "Sra", "Srta",
         "Sig", "Signor", "Signora", "Dhr", "Mevr"], StringComparison.Ordinal);

    // These anchor the age on something other than an age word, so they need no duration filter.
    private static readonly Regex[] AnchoredAgePatterns =
        [AgePrefixRegex, AgeAppositionRegex, AgeAfterTitledNameRegex, AgeAfterRelationRegex, AgeApproxRegex];

    /// <summary>Extracts budget and age; returns <c>default</c> facts for empty or unparseable input.</summary>
    public static NoteFacts Extract(string text)
    {
        // Callers compiled without nullable analysis can still pass null.
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        string note = Normalize(text);
        Budget? budget = SafeBudget(note);
        int? age = SafeAge(note);
        return budget is { } b
            ? new NoteFacts(b.LowK, b.HighK, b.OpenEnded, age)
            : new NoteFacts(null, null, false, age);
    }

    private readonly record struct Budget(float LowK, float HighK, bool OpenEnded);

    private readonly record struct Candidate(int Start, int End, double Low, double High, bool Open, bool HasUnit, double RawLow, bool IsRange);

    /// <summary>
    /// One-to-one character mapping so regex offsets stay valid: full-width and Arabic-Indic digits,
    /// dash variants and exotic spaces all appear in pasted notes and would otherwise split amounts.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Normalize(string text)
    {
        int length = Math.Min(text.Length, MaxScanChars);
        // Most notes hold none of the mapped characters: one vectorised search then spares the per-char mapping.
        int first = text.AsSpan(0, length).IndexOfAny(Mapped);
        if (first < 0)
        {
            return length == text.Length ? text : text[..length];
        }

        return string.Create(length, (text, first), static (span, state) =>
        {
            state.text.AsSpan(0, state.first).CopyTo(span);
            for (int i = state.first; i < span.Length; i++)
            {
                span[i] = MapChar(state.text[i]);
            }
        });
    }

    /// <summary>Every character <see cref="MapChar"/> changes (and only those: the test suite checks both directions).</summary>
    internal static readonly System.Buffers.SearchValues<char> Mapped = System.Buffers.SearchValues.Create(
        "\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19"
        + "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
        + "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9"
        + "\u066B\uFF0E\u066C\uFF0C\uFF0B\uFF1A\uFF08\uFF09\uFF2B\uFF4B\uFF2D\uFF04\uFFE5\uFFE1"
        + "~\uFF5E\u301C\uFF0D\u2212\u2010\u2011\u2012\u2013\u2014\u2015"
        + "\u00A0\u202F\u2007\u2009\u3000\0");

    internal static char MapChar(char c) => c switch
    {
        >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '\u066B' or '\uFF0E' => '.',
        '\u066C' or '\uFF0C' => ',',
        '\uFF0B' => '+',
        '\uFF1A' => ':',
        '\uFF08' => '(',
        '\uFF09' => ')',
        '\uFF2B' => 'K',
        '\uFF4B' => 'k',
        '\uFF2D' => 'M',
        '\uFF04' => '$',
        '\uFFE5' => '¥',
        '\uFFE1' => '£',
        '~' or '\uFF5E' or '\u301C' or '\uFF0D' or '\u2212' or (>= '\u2010' and <= '\u2015') => '-',
        '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u3000' or '\0' => ' ',
        _ => c,
    };

    private static Budget? SafeBudget(string note)
    {
        try
        {
            return FindBudget(note);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological note loses its budget rather than stalling the ingest pipeline.
            return null;
        }
    }

    private static int? SafeAge(string note)
    {
        try
        {
            return FindAge(note);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Budget? FindBudget(string note)
    {
        var candidates = new List<Candidate>();
        for (Match? m = NextMoney(note, 0); m is not null; m = NextMoney(note, m.Index + m.Length))
        {
            if (TryReadCandidate(m, out Candidate c))
            {
                candidates.Add(c);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var words = new List<(int Start, int End)>();
        foreach (Match m in BudgetWordRegex.Matches(note))
        {
            words.Add((m.Index, m.Index + m.Length));
        }

        // Forward link first: every language in the sample writes the word before the amount.
        foreach (var (_, wordEnd) in words)
        {
            foreach (Candidate c in candidates)
            {
                if (c.Start < wordEnd)
                {
                    continue;
                }

                if (c.Start - wordEnd > MaxLinkDistance || CrossesSentence(note, wordEnd, c.Start))
                {
                    break;
                }

                if (IsExcluded(note, c))
                {
                    continue;
                }

                if (!c.HasUnit && !IsBareBudget(note, wordEnd, c))
                {
                    continue;
                }

                return ToBudget(note, c);
            }
        }

        // "25K budget", "3-5K的预算": amount just before the word.
        foreach (var (wordStart, _) in words)
        {
            for (int i = candidates.Count - 1; i >= 0; i--)
            {
                Candidate c = candidates[i];
                if (c.End > wordStart)
                {
                    continue;
                }

                if (wordStart - c.End > MaxBackLinkDistance || CrossesSentence(note, c.End, wordStart))
                {
                    break;
                }

                if (c.HasUnit && !IsExcluded(note, c))
                {
                    return ToBudget(note, c);
                }
            }
        }

        // Terse notes ("... Cognac 25K.") carry the amount with no budget word at all. When a budget word
        // is present but unlinked ("Budget flexible"), a stray amount is more likely a past purchase or a price.
        if (words.Count > 0)
        {
            return null;
        }

        foreach (Candidate c in candidates)
        {
            if (c.HasUnit && !IsExcluded(note, c))
            {
                return ToBudget(note, c);
            }
        }

        return null;
    }

    /// <summary>
    /// The leftmost money match starting at or after <paramref name="from"/>, exactly what <c>Matches</c> of the
    /// unanchored pattern yields next: every match holds a digit within <see cref="MaxMoneyPrefix"/> chars of its
    /// start, so trying the anchored pattern at just those positions, in order, finds the same leftmost match.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Match? NextMoney(string note, int from)
    {
        int s = from;
        while (s < note.Length)
        {
            int d = note.AsSpan(s).IndexOfAnyInRange('0', '9');
            if (d < 0)
            {
                return null;
            }

            d += s;
            for (int p = Math.Max(s, d - MaxMoneyPrefix); p <= d; p++)
            {
                if (!MoneyCanStart(note, p, d))
                {
                    continue;
                }

                Match m = MoneyAtRegex.Match(note, p);
                if (m.Success)
                {
                    return m;
                }
            }

            s = d + 1;
        }

        return null;
    }

    /// <summary>
    /// A necessary condition of a money match at <paramref name="p"/> when the first digit at or after it is at
    /// <paramref name="d"/> (exact: a false here means the regex fails there, so it is not run). At the digit itself
    /// the match needs the amount's lookbehind, which a preceding letter or digit of its class defeats. Before the
    /// digit it needs a prefix currency and at most one space, ending at the digit (the amount starts with a digit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MoneyCanStart(string note, int p, int d)
    {
        if (p == d)
        {
            if (p == 0)
            {
                return true;
            }

            char before = note[p - 1];
            return !(char.IsAsciiLetterOrDigit(before) || before is (>= '\u00C0' and <= '\u024F') or (>= '\u0370' and <= '\u03FF') or (>= '\u0400' and <= '\u04FF'));
        }

        // Prefix currencies: one symbol, "r$", or three of "eur usd gbp chf us$"; then "\s?" then the digit at d.
        int gap = d - p;
        return (note[p] is '€' or '$' or '£' or '¥' or '₩' or '₽' && (gap == 1 || (gap == 2 && char.IsWhiteSpace(note[p + 1]))))
            || (PrefixIs(note, p, "r$") && (gap == 2 || (gap == 3 && char.IsWhiteSpace(note[p + 2]))))
            || ((gap == 3 || (gap == 4 && char.IsWhiteSpace(note[p + 3])))
                && (PrefixIs(note, p, "eur") || PrefixIs(note, p, "usd") || PrefixIs(note, p, "gbp") || PrefixIs(note, p, "chf") || PrefixIs(note, p, "us$")));
    }

    /// <summary>
    /// Whether <paramref name="note"/> at <paramref name="at"/> can match the ASCII <paramref name="word"/> under the
    /// regex's IgnoreCase: an ASCII char must equal it up to ASCII case; a non-ASCII char might be a case variant
    /// (the Kelvin sign matches "k"), so it is let through to the regex.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool PrefixIs(string note, int at, string word)
    {
        if (at + word.Length > note.Length)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            char c = note[at + i];
            if (c < 0x80 && char.ToLowerInvariant(c) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadCandidate(Match m, out Candidate candidate)
    {
        candidate = default;
        if (!TryReadAmount(m, MoneyGroups.A, out double aValue, out bool aUnit, out double aRaw))
        {
            return false;
        }

        double low = aValue;
        double high = aValue;
        bool hasUnit = aUnit;
        bool isRange = false;

        if (m.Groups[MoneyGroups.B.Num].Success && TryReadAmount(m, MoneyGroups.B, out double bValue, out bool bUnit, out _))
        {
            if (aUnit && bUnit)
            {
                high = bValue;
                isRange = true;
            }
            else if (!aUnit && bUnit)
            {
                // "3-5K": the unit written once applies to both ends.
                low = ScaleLike(m, aRaw);
                high = bValue;
                hasUnit = true;
                isRange = true;
            }
            else if (!aUnit && !bUnit)
            {
                high = bValue;
                isRange = true;
            }

            // A unit on the first end only ("5K e 2 figli") means the second number is something else.
        }

        if (low > high)
        {
            (low, high) = (high, low);
        }

        if (hasUnit && (low <= 0 || high > MaxBudgetK))
        {
            return false;
        }

        bool open = !isRange && m.Groups[MoneyGroups.Open].Success;
        candidate = new Candidate(m.Index, m.Index + m.Length, low, high, open, hasUnit, aRaw, isRange);
        return true;
    }

    private static bool TryReadAmount(Match m, MoneyGroups.Side side, out double valueK, out bool hasUnit, out double raw)
    {
        valueK = 0;
        hasUnit = false;
        if (!TryParseNumber(m.Groups[side.Num].Value, out raw))
        {
            return false;
        }

        Group mag = m.Groups[side.Mag];
        bool currency = m.Groups[side.Cur].Success || m.Groups[side.Pcur].Success;
        if (mag.Success)
        {
            valueK = raw * MagnitudeInThousands(mag.Value);
            hasUnit = true;
        }
        else if (currency)
        {
            valueK = raw / 1000.0;
            hasUnit = true;
        }
        else
        {
            valueK = raw / 1000.0;
        }

        return true;
    }

    private static double ScaleLike(Match m, double raw)
    {
        Group mag = m.Groups[MoneyGroups.B.Mag];
        return mag.Success ? raw * MagnitudeInThousands(mag.Value) : raw / 1000.0;
    }

    private static double MagnitudeInThousands(string mag)
    {
        string unit = mag.Trim().ToLowerInvariant();
        if (unit == "m" || unit.StartsWith("mio", StringComparison.Ordinal) || unit.StartsWith("mln", StringComparison.Ordinal)
            || unit.StartsWith("million", StringComparison.Ordinal) || unit == "millones" || unit.StartsWith("milion", StringComparison.Ordinal)
            || unit.StartsWith("milh", StringComparison.Ordinal) || unit.StartsWith("miljoen", StringComparison.Ordinal)
            || unit.StartsWith("млн", StringComparison.Ordinal) || unit.StartsWith("миллион", StringComparison.Ordinal))
        {
            return 1000;
        }

        return unit switch
        {
            "千万" or "千萬" or "천만" => 10_000,
            "百万" or "百萬" or "백만" => 1000,
            "万" or "萬" or "만" => 10,
            "億" or "亿" or "억" => 100_000,
            _ => 1,
        };
    }

    /// <summary>
    /// "3,000" and "3.000" are thousands in EN and FR/DE respectively, while "2,5" and "2.5" are decimals;
    /// a separator followed by exactly three digits is read as grouping, anything else as a decimal point.
    /// </summary>
    private static bool TryParseNumber(string s, out double value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        string compact = s.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("'", string.Empty, StringComparison.Ordinal)
            .Replace("’", string.Empty, StringComparison.Ordinal);

        string[] parts = compact.Split('.', ',');
        string normalized;
        if (parts.Length == 1)
        {
            normalized = compact;
        }
        else if (compact.Length != s.Length || parts.Skip(1).All(p => p.Length == 3))
        {
            normalized = string.Concat(parts);
        }
        else if (parts.Length == 2)
        {
            normalized = parts[0] + "." + parts[1];
        }
        else
        {
            return false;
        }

        return double.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static bool IsExcluded(string note, Candidate c)
    {
        int sentenceStart = SentenceStart(note, c.Start);
        int from = Math.Max(sentenceStart, c.Start - ContextWindow);
        string before = note[from..c.Start];
        string after = note[c.End..SentenceEnd(note, c.End, ContextWindow)];
        return NotMoneyAfterRegex.IsMatch(after) || NotMoneyBeforeRegex.IsMatch(before);
    }

    private static bool IsBareBudget(string note, int wordEnd, Candidate c)
    {
        // Small unit-less numbers after a budget word are counts ("budget for 3 people"), not money.
        if (c.RawLow < 100)
        {
            return false;
        }

        // "Budget 2025" is a planning year far more often than a two-thousand budget.
        if (!c.IsRange && c.RawLow is >= 1900 and <= 2100 && c.RawLow == Math.Floor(c.RawLow))
        {
            return false;
        }

        string gap = note[wordEnd..c.Start];
        string after = note[c.End..Math.Min(note.Length, c.End + ContextWindow)];
        return FillerOnlyRegex.IsMatch(gap) && !NonMoneyUnitAfterRegex.IsMatch(after);
    }

    private static Budget ToBudget(string note, Candidate c)
    {
        bool open = c.Open;
        if (!open && !c.IsRange)
        {
            int from = Math.Max(SentenceStart(note, c.Start), c.Start - ContextWindow);
            open = OpenPrefixRegex.IsMatch(note[from..c.Start]);
        }

        return new Budget(RoundK(c.Low), RoundK(c.High), open);
    }

    // Division by 1000 leaves binary noise (1.5000000001); three decimals is one currency unit.
    private static float RoundK(double valueK) => (float)Math.Round(valueK, 3, MidpointRounding.AwayFromZero);

    private static bool CrossesSentence(string note, int from, int to)
    {
        for (int i = from; i < to && i < note.Length; i++)
        {
            if (IsSentenceBreak(note, i))
            {
                return true;
            }
        }

        return false;
    }

    private static int SentenceEnd(string note, int index, int maxLength)
    {
        int limit = Math.Min(note.Length, index + maxLength);
        for (int i = index; i < limit; i++)
        {
            if (IsSentenceBreak(note, i))
            {
                return i;
            }
        }

        return limit;
    }

    private static int SentenceStart(string note, int index)
    {
        for (int i = Math.Min(index, note.Length) - 1; i >= 0; i--)
        {
            if (IsSentenceBreak(note, i))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// CJK stops always end a sentence; a Latin stop only does when followed by space and not by a number,
    /// so "ca. 5K" and "approx. €3,000" stay attached to their budget word.
    /// </summary>
    private static bool IsSentenceBreak(string note, int i)
    {
        char c = note[i];
        if (c is '。' or '！' or '？' or '\n' or '\r')
        {
            return true;
        }

        if (c is not ('.' or '!' or '?' or ';'))
        {
            return false;
        }

        int j = i + 1;
        if (j >= note.Length || !char.IsWhiteSpace(note[j]))
        {
            return false;
        }

        while (j < note.Length && char.IsWhiteSpace(note[j]))
        {
            j++;
        }

        return j >= note.Length || !(char.IsAsciiDigit(note[j]) || note[j] is '€' or '$' or '£' or '¥');
    }

    /// <summary>
    /// True when a ',' or '(' is followed, after optional whitespace, by two ASCII digits: a necessary
    /// condition of <see cref="AgeAppositionRegex"/> (<c>(?:,\s*|\(\s*)[0-9]{2}</c>).
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasCommaThenTwoDigits(string note)
    {
        for (int i = note.AsSpan().IndexOfAnyInRange('0', '9'); i >= 0 && i + 1 < note.Length;)
        {
            if (char.IsAsciiDigit(note[i + 1]))
            {
                int j = i - 1;
                while (j >= 0 && char.IsWhiteSpace(note[j]))
                {
                    j--;
                }

                if (j >= 0 && note[j] is ',' or '(')
                {
                    return true;
                }
            }

            int next = note.AsSpan(i + 1).IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// True when one of <paramref name="list"/> is followed, after any whitespace, colons and at most one age
    /// particle, by an ASCII digit: a necessary condition of the word-then-number age patterns (looser than them,
    /// so a true here still runs the regex, and a false is exact).
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool WordThenNumber(string note, System.Buffers.SearchValues<string> words, string[] list, StringComparison comparison)
    {
        ReadOnlySpan<char> text = note;
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOfAny(words);
            if (at < 0)
            {
                return false;
            }

            at += from;
            foreach (string word in list)
            {
                // "возраст\w*" may run on into any word characters: give up filtering rather than model \w.
                if (text[at..].StartsWith(word, comparison) && (word == OpenEndedAgeWord || DigitFollows(text, at + word.Length)))
                {
                    return true;
                }
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>
    /// <see cref="WordThenNumber"/> for the non-ASCII age words: at each anchor character, every word that can hold it
    /// there is compared (OrdinalIgnoreCase) at each offset. Anchors are rare, so this costs one vectorised scan.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AnchoredWordThenNumber(string note)
    {
        ReadOnlySpan<char> text = note;
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOfAny(AgeAnchors);
            if (at < 0)
            {
                return false;
            }

            at += from;
            foreach (string word in NonAsciiAgeWordList)
            {
                for (int k = 0; k < word.Length && k <= at; k++)
                {
                    int start = at - k;
                    if (text[start..].StartsWith(word, StringComparison.OrdinalIgnoreCase)
                        && (word == OpenEndedAgeWord || DigitFollows(text, start + word.Length)))
                    {
                        return true;
                    }
                }
            }

            from = at + 1;
        }

        return false;
    }

    private static bool DigitFollows(ReadOnlySpan<char> text, int i)
    {
        i = SkipSpacesAndColons(text, i);
        foreach (string particle in AgeParticles)
        {
            if (text[i..].StartsWith(particle, StringComparison.OrdinalIgnoreCase))
            {
                int j = SkipSpacesAndColons(text, i + particle.Length);
                if (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    return true;
                }
            }
        }

        return i < text.Length && char.IsAsciiDigit(text[i]);
    }

    private static int SkipSpacesAndColons(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ':'))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// False when the last non-space character of <paramref name="text"/> is ASCII and not a word character: a
    /// necessary condition of <see cref="NotAgeBeforeRegex"/>, whose words all end in a letter or <c>\w*</c> before
    /// <c>\s*$</c> (non-ASCII characters are let through to the regex).
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool EndsWithWordChar(string text)
    {
        int i = text.Length - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && (text[i] >= 0x80 || char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_');
    }

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int? FindAge(string note)
    {
        int bestIndex = int.MaxValue;
        int? best = null;

        void Consider(int index, int age)
        {
            if (age is >= MinAge and <= MaxAge && index < bestIndex)
            {
                bestIndex = index;
                best = age;
            }
        }

        foreach (Match m in AgeSuffixRegex.Matches(note))
        {
            Group n = m.Groups["n"];
            if (!int.TryParse(n.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int age))
            {
                continue;
            }

            int from = Math.Max(0, n.Index - ContextWindow);
            string before = note[from..n.Index];
            string after = note[(m.Index + m.Length)..Math.Min(note.Length, m.Index + m.Length + ContextWindow)];
            if ((EndsWithWordChar(before) && NotAgeBeforeRegex.IsMatch(before)) || NotAgeAfterRegex.IsMatch(after))
            {
                continue;
            }

            // "30 years in banking" is tenure; bare "years" is only an age when nothing attaches it to an activity.
            if (m.Groups["bareyears"].Success && TenureAfterRegex.IsMatch(after))
            {
                continue;
            }

            Consider(n.Index, age);
        }

        // Cheap necessary conditions first: scanning a note with these patterns costs microseconds, and most
        // notes have no "Name, 63" shape, no title and no relation word at all. The last two patterns are case
        // sensitive, so an ordinal search for their literal words is an exact test.
        ReadOnlySpan<char> span = note;
        foreach (Regex regex in AnchoredAgePatterns)
        {
            if ((regex == AgeAppositionRegex && !HasCommaThenTwoDigits(note))
                || (regex == AgeAfterTitledNameRegex && !span.ContainsAny(TitleWords))
                || (regex == AgeAfterRelationRegex && !WordThenNumber(note, RelationWords, RelationWordList, StringComparison.Ordinal))
                || (regex == AgePrefixRegex && !WordThenNumber(note, AsciiAgeWords, AsciiAgeWordList, StringComparison.OrdinalIgnoreCase)
                    && !AnchoredWordThenNumber(note)))
            {
                continue;
            }

            foreach (Match m in regex.Matches(note))
            {
                Group n = m.Groups["n"];
                if (int.TryParse(n.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int age))
                {
                    Consider(n.Index, age);
                }
            }
        }

        return best;
    }
}
