namespace Clientele.Core.Text;

/// <summary>
/// Folds text for matching: lower case, accents removed from Latin letters, full-width ASCII to ASCII,
/// a few Cyrillic and Arabic letter variants unified. Every mapping is one char to one char, so an
/// offset in folded text is the same offset in the original: matches report original positions for free.
/// </summary>
public static class TextFolder
{
    private static readonly char[] Table = BuildTable();

    /// <summary>Folds one character.</summary>
    public static char Fold(char c) => Table[c];

    /// <summary>Folds a whole string (same length as the input).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, src) => Fold(src, span));
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var table = Table;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    /// <summary>True for letters and digits: what a word is made of in spaced scripts.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\u0640' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>
    /// True when <paramref name="c"/> ends a word of a spaced script: not a letter or digit, or a CJK/Hangul
    /// character (an English name inside a Japanese sentence, "のExotic Trunkを", is still a word).
    /// </summary>
    public static bool IsBoundary(char c) => !IsWordChar(c) || IsUnspacedScript(c);

    /// <summary>
    /// True for scripts written without spaces between words (Han, Kana, Hangul): a match there needs
    /// no word boundary. Hangul is spaced, but particles attach to nouns (선물을), so stems must match inside words.
    /// </summary>
    public static bool IsUnspacedScript(char c) =>
        c is >= '\u3040' and <= '\u30FF'   // Hiragana, Katakana
        or >= '\u3400' and <= '\u4DBF'     // CJK extension A
        or >= '\u4E00' and <= '\u9FFF'     // CJK unified ideographs
        or >= '\uF900' and <= '\uFAFF'     // CJK compatibility ideographs
        or >= '\uAC00' and <= '\uD7AF'     // Hangul syllables
        or >= '\u1100' and <= '\u11FF'     // Hangul jamo
        or >= '\u3130' and <= '\u318F'     // Hangul compatibility jamo
        or >= '\uFF66' and <= '\uFF9F';    // half-width Katakana

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = char.ToLowerInvariant((char)i);
        }

        // Latin-1 Supplement and Latin Extended-A: accented letter -> base letter (lower case).
        const string from = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňŉòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžǎǐǒǔ";
        const string to = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzaiou";
        for (var i = 0; i < from.Length; i++)
        {
            var lower = from[i];
            table[lower] = to[i];
            var upper = char.ToUpperInvariant(lower);
            if (upper != lower)
            {
                table[upper] = to[i];
            }
        }

        table['ё'] = 'е';
        table['Ё'] = 'е';
        table['أ'] = 'ا';
        table['إ'] = 'ا';
        table['آ'] = 'ا';
        table['ى'] = 'ي';
        table['ة'] = 'ه';
        // Typographic apostrophes and dashes fold to ASCII so "d’anniversaire" matches "d'anniversaire".
        table['\u2019'] = '\'';
        table['\u2018'] = '\'';
        table['\u2013'] = '-';
        table['\u2014'] = '-';
        table['\u00A0'] = ' ';

        // Full-width ASCII (common in Japanese and Chinese notes: "３-５K").
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            table[c] = char.ToLowerInvariant((char)(c - 0xFEE0));
        }

        table['\u3000'] = ' ';
        return table;
    }
}
