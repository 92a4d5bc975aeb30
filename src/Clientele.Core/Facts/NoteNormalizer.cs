using System.Runtime.CompilerServices;

namespace Clientele.Core.Facts;

/// <summary>
/// One-to-one character mapping so regex offsets stay valid: full-width and Arabic-Indic digits,
/// dash variants and exotic spaces all appear in pasted notes and would otherwise split amounts.
/// </summary>
internal static class NoteNormalizer
{
    // Real notes are a few hundred characters; capping the scan bounds worst-case work so a
    // pasted document cannot make one call cost more than a few regex timeouts.
    private const int MaxScanChars = 20_000;

    /// <summary>Every character <see cref="MapChar"/> changes (and only those: the test suite checks both directions).</summary>
    public static readonly System.Buffers.SearchValues<char> Mapped = System.Buffers.SearchValues.Create(
        "\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19"
        + "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
        + "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9"
        + "\u066B\uFF0E\u066C\uFF0C\uFF0B\uFF1A\uFF08\uFF09\uFF2B\uFF4B\uFF2D\uFF04\uFFE5\uFFE1"
        + "~\uFF5E\u301C\uFF0D\u2212\u2010\u2011\u2012\u2013\u2014\u2015"
        + "\u00A0\u202F\u2007\u2009\u3000\0");

    /// <summary>The note cut to the scan length with every <see cref="Mapped"/> character mapped.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string text)
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

    /// <summary>The character <paramref name="c"/> reads as: an ASCII digit, sign, dash or space, or itself.</summary>
    public static char MapChar(char c) => c switch
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
}
