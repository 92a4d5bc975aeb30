using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Clientele.Core.Facts;

/// <summary>Finds the amounts of a note (<see cref="FactRegexes.MoneyAt"/>) and reads them in thousands.</summary>
internal static class MoneyScanner
{
    // Above a billion the number is a valuation or follower count, not a shopping budget.
    private const double MaxBudgetK = 1_000_000;

    // A money match reaches its first digit after at most a prefix currency and a space ("us$ 5").
    private static readonly int MaxMoneyPrefix = FactPatterns.PrefixCurrencies.Max(c => c.Length) + 1;

    private static Regex MoneyAt => FactPatterns.Regexes.MoneyAt;

    // For each gap between a start position and the first digit: the prefix currencies that can fill it (the
    // currency, maybe one space), so a position is tested against two or three currencies, not all of them.
    private static readonly string[][] CurrenciesByGap = Enumerable.Range(0, MaxMoneyPrefix + 1)
        .Select(gap => FactPatterns.PrefixCurrencies.Where(c => gap == c.Length || gap == c.Length + 1).ToArray())
        .ToArray();

    // Magnitude words repeat ("K", "万"): their values are remembered, up to a bound hostile input cannot exceed.
    private const int MaxCachedMagnitudes = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> MagnitudeCache = new(StringComparer.Ordinal);

    // Each magnitudes row's group in FactPatterns.Regexes.MagnitudeRow and its value in thousands, in row order.
    private static readonly (int Group, double Thousands)[] MagnitudeValues = FactPatterns.Magnitudes.Rows
        .Select((row, i) => (FactPatterns.Regexes.MagnitudeRow.GroupNumberFromName("m" + i.ToString(CultureInfo.InvariantCulture)), double.Parse(row[2], CultureInfo.InvariantCulture)))
        .ToArray();

    /// <summary>Group numbers of the money pattern, looked up once: reading groups by name hashed the name on every candidate.</summary>
    private static class Groups
    {
        public static readonly Side A = new("a");
        public static readonly Side B = new("b");
        public static readonly int Open = MoneyAt.GroupNumberFromName("open");

        public sealed class Side(string s)
        {
            public int Num { get; } = MoneyAt.GroupNumberFromName("num" + s);

            public int Mag { get; } = MoneyAt.GroupNumberFromName("mag" + s);

            public int Cur { get; } = MoneyAt.GroupNumberFromName("cur" + s);

            public int Pcur { get; } = MoneyAt.GroupNumberFromName("pcur" + s);
        }
    }

    /// <summary>Every amount of <paramref name="note"/> that reads as money, in order.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<MoneyCandidate> Candidates(string note)
    {
        var candidates = new List<MoneyCandidate>();
        for (Match? m = NextMoney(note, 0); m is not null; m = NextMoney(note, m.Index + m.Length))
        {
            if (TryRead(m, out MoneyCandidate c))
            {
                candidates.Add(c);
            }
        }

        return candidates;
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
                if (!CanStart(note, p, d))
                {
                    continue;
                }

                Match m = MoneyAt.Match(note, p);
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
    private static bool CanStart(string note, int p, int d)
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

        int gap = d - p;
        foreach (string currency in CurrenciesByGap[gap])
        {
            int n = currency.Length;
            if ((gap == n || (gap == n + 1 && char.IsWhiteSpace(note[p + n]))) && PrefixIs(note, p, currency))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="note"/> at <paramref name="at"/> can match the lower-case <paramref name="word"/> under
    /// the regex's IgnoreCase: an ASCII char must equal it up to ASCII case; a non-ASCII char might be a case variant
    /// (the Kelvin sign matches "k"), so it is let through to the regex, unless the word's char is a caseless symbol
    /// ("€"), which only matches itself.
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
            char w = word[i];
            if (c < 0x80 ? char.ToLowerInvariant(c) != w : w >= 0x80 && c != w && IsCaseless(w))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCaseless(char c) => char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c && !char.IsLetter(c);

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryRead(Match m, out MoneyCandidate candidate)
    {
        candidate = default;
        if (!TryReadAmount(m, Groups.A, out double aValue, out bool aUnit, out double aRaw))
        {
            return false;
        }

        double low = aValue;
        double high = aValue;
        bool hasUnit = aUnit;
        bool isRange = false;

        if (m.Groups[Groups.B.Num].Success && TryReadAmount(m, Groups.B, out double bValue, out bool bUnit, out _))
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

        bool open = !isRange && m.Groups[Groups.Open].Success;
        candidate = new MoneyCandidate(m.Index, m.Index + m.Length, low, high, open, hasUnit, aRaw, isRange);
        return true;
    }

    private static bool TryReadAmount(Match m, Groups.Side side, out double valueK, out bool hasUnit, out double raw)
    {
        valueK = 0;
        hasUnit = false;
        if (!TryParseNumber(m.Groups[side.Num].ValueSpan, out raw))
        {
            return false;
        }

        Group mag = m.Groups[side.Mag];
        bool currency = m.Groups[side.Cur].Success || m.Groups[side.Pcur].Success;
        if (mag.Success)
        {
            valueK = raw * MagnitudeInThousands(mag.ValueSpan);
            hasUnit = true;
        }
        else
        {
            valueK = raw / 1000.0;
            hasUnit = currency;
        }

        return true;
    }

    private static double ScaleLike(Match m, double raw)
    {
        Group mag = m.Groups[Groups.B.Mag];
        return mag.Success ? raw * MagnitudeInThousands(mag.ValueSpan) : raw / 1000.0;
    }

    /// <summary>The value in thousands of the first magnitudes row that matches the whole word.</summary>
    private static double MagnitudeInThousands(ReadOnlySpan<char> mag)
    {
        // Looked up by span: a string per amount was most of what reading an amount allocated.
        var lookup = MagnitudeCache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(mag, out double cached))
        {
            return cached;
        }

        string word = mag.ToString();
        double value = ReadMagnitude(word);
        if (MagnitudeCache.Count < MaxCachedMagnitudes)
        {
            MagnitudeCache.TryAdd(word, value);
        }

        return value;
    }

    private static double ReadMagnitude(string mag)
    {
        Match m = FactPatterns.Regexes.MagnitudeRow.Match(mag);
        foreach (var (group, thousands) in MagnitudeValues)
        {
            if (m.Groups[group].Success)
            {
                return thousands;
            }
        }

        return 1;
    }

    /// <summary>
    /// "3,000" and "3.000" are thousands in EN and FR/DE respectively, while "2,5" and "2.5" are decimals;
    /// a separator followed by exactly three digits is read as grouping, anything else as a decimal point.
    /// Spaces and apostrophes group digits too ("3 000", "3'000"): with one of them, every separator is grouping.
    /// </summary>
    // Read in place, without the strings a split would make: it runs for every amount of every note.
    private static bool TryParseNumber(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        char[]? rented = null;
        Span<char> compact = s.Length <= 128 ? stackalloc char[128] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length));
        try
        {
            // The number without its group spaces and apostrophes; separators counted, with whether every part after
            // the first has exactly three digits.
            int n = 0;
            int separators = 0;
            int partLength = 0;
            bool partsOfThree = true;
            foreach (char c in s)
            {
                if (c is ' ' or '\'' or '’')
                {
                    continue;
                }

                if (c is '.' or ',')
                {
                    partsOfThree &= separators == 0 || partLength == 3;
                    separators++;
                    partLength = 0;
                }
                else
                {
                    partLength++;
                }

                compact[n++] = c;
            }

            partsOfThree &= separators == 0 || partLength == 3;
            if (separators > 0)
            {
                if (n != s.Length || partsOfThree)
                {
                    n = RemoveSeparators(compact[..n]);
                }
                else if (separators == 1)
                {
                    compact[compact[..n].IndexOfAny('.', ',')] = '.';
                }
                else
                {
                    return false;
                }
            }

            return double.TryParse(compact[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
                && double.IsFinite(value);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int RemoveSeparators(Span<char> text)
    {
        int kept = 0;
        foreach (char c in text)
        {
            if (c is not ('.' or ','))
            {
                text[kept++] = c;
            }
        }

        return kept;
    }
}
