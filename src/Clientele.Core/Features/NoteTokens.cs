using Clientele.Core.Text;

namespace Clientele.Core.Features;

/// <summary>
/// Splits a note into the tokens the text channel counts, folded the way the concept matcher folds text
/// (<see cref="TextFolder"/>): a word of a spaced script is one token, a Han, Kana or Hangul character is one token
/// (n-grams of characters stand in for a segmenter there). A token is a 32-bit hash of its folded text, its lowest
/// bit set for a character token; 0 marks a break (sentence punctuation) that n-grams do not cross. Names of people
/// are left out: a title of <see cref="Titles"/> and the capitalised words after it ("Mme Laurent"), or the
/// characters or word before a suffix title ("田中様", "Hu様", "김 고객님").
/// </summary>
public static class NoteTokens
{
    /// <summary>The break between sentences: n-grams never span it.</summary>
    public const uint Break = 0;

    /// <summary>Capitalised words after a title taken as the name ("Mme de Vos" keeps none of them).</summary>
    private const int NameWordsAfterTitle = 3;

    /// <summary>Characters before a suffix title taken as the name (a Japanese or Chinese name has 1–4).</summary>
    private const int NameCharsBeforeSuffix = 4;

    private static readonly (string Text, bool Suffix)[] TitleTexts = [.. Titles.All
        .Select(t => (t.Text, t.Form == TitleForm.Suffix))
        .OrderByDescending(t => t.Text.Length)];

    /// <summary>The token of one folded word or character.</summary>
    public static uint Of(ReadOnlySpan<char> folded)
    {
        var hash = StableHash.Of32(folded);
        var character = folded.Length == 1 && TextFolder.IsUnspacedScript(folded[0]);
        hash = character ? hash | 1u : hash & ~1u;
        return hash == Break ? 2u : hash;
    }

    /// <summary>Whether a token is a Han, Kana or Hangul character (its n-grams join without a space).</summary>
    public static bool IsCharacter(uint token) => (token & 1u) != 0;

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>, then a break. When
    /// <paramref name="texts"/> is given, the folded text of each token it does not yet hold goes to
    /// <paramref name="newTexts"/> (the caller adds them, so <paramref name="texts"/> is only read here).
    /// </summary>
    public static void Append(string text, List<uint> tokens, IReadOnlyDictionary<uint, string>? texts = null,
        List<(uint Token, string Text)>? newTexts = null, bool skipNames = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        // Folded into a pooled buffer, not a new string: this runs for every note read.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            TextFolder.Fold(text, buffer);
            AppendFolded(text, buffer, tokens, texts, newTexts, skipNames);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void AppendFolded(string text, char[] folded, List<uint> tokens, IReadOnlyDictionary<uint, string>? texts,
        List<(uint Token, string Text)>? newTexts, bool skipNames)
    {
        var start = tokens.Count;
        var skipWords = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = folded[i];
            if (skipNames && TitleAt(text, i) is { } title)
            {
                if (title.Suffix)
                {
                    DropNameBefore(text, tokens, start, i);
                }
                else
                {
                    skipWords = NameWordsAfterTitle;
                }

                i += title.Text.Length;
                // "Mr." : the abbreviation's dot is not the end of a sentence.
                i += !title.Suffix && i < text.Length && text[i] == '.' ? 1 : 0;
                continue;
            }

            if (TextFolder.IsUnspacedScript(c))
            {
                skipWords = 0;
                Add(tokens, folded.AsSpan(i, 1), texts, newTexts);
                i++;
                continue;
            }

            if (TextFolder.IsWordChar(c))
            {
                var end = i;
                while (end < text.Length && TextFolder.IsWordChar(folded[end]) && !TextFolder.IsUnspacedScript(folded[end]))
                {
                    end++;
                }

                // After a title, capitalised words are the name ("Mme Laurent"); an uncased script's next word is ("السيد السويدي").
                var isName = skipWords > 0 && (char.IsUpper(text[i]) || !HasCase(text[i]));
                skipWords = isName ? (HasCase(text[i]) ? skipWords - 1 : 0) : 0;
                if (!isName)
                {
                    Add(tokens, folded.AsSpan(i, end - i), texts, newTexts);
                }

                i = end;
                continue;
            }

            if (IsSentenceBreak(c) && tokens.Count > start && tokens[^1] != Break)
            {
                tokens.Add(Break);
                skipWords = 0;
            }

            i++;
        }

        if (tokens.Count > start && tokens[^1] != Break)
        {
            tokens.Add(Break);
        }
    }

    private static void Add(List<uint> tokens, ReadOnlySpan<char> folded, IReadOnlyDictionary<uint, string>? texts, List<(uint, string)>? newTexts)
    {
        var token = Of(folded);
        tokens.Add(token);
        if (texts is not null && newTexts is not null && !texts.ContainsKey(token))
        {
            newTexts.Add((token, folded.ToString()));
        }
    }

    /// <summary>A title starting at <paramref name="i"/> as a whole word ("Mr", "Mr.", "様"), or none.</summary>
    private static (string Text, bool Suffix)? TitleAt(string text, int i)
    {
        var c = text[i];
        if (!char.IsLetter(c))
        {
            return null;
        }

        foreach (var title in TitleTexts)
        {
            if (title.Text[0] != c || !text.AsSpan(i).StartsWith(title.Text, StringComparison.Ordinal))
            {
                continue;
            }

            // A spaced title is a whole word: "Mr" in "Mrs" or "Sr" in "Sra" is not one.
            var unspaced = TextFolder.IsUnspacedScript(title.Text[0]);
            var before = i == 0 || !TextFolder.IsWordChar(text[i - 1]) || TextFolder.IsUnspacedScript(text[i - 1]);
            var afterAt = i + title.Text.Length;
            var after = afterAt >= text.Length || !TextFolder.IsWordChar(text[afterAt]) || TextFolder.IsUnspacedScript(text[afterAt]);
            if (unspaced || (before && after))
            {
                return title;
            }
        }

        return null;
    }

    /// <summary>Drops the name a suffix title follows: the characters just before it, or the word before it.</summary>
    private static void DropNameBefore(string text, List<uint> tokens, int start, int at)
    {
        var j = at - 1;
        while (j >= 0 && text[j] == ' ')
        {
            j--;
        }

        if (j < 0 || tokens.Count == start || tokens[^1] == Break)
        {
            return;
        }

        if (TextFolder.IsUnspacedScript(text[j]))
        {
            for (var k = 0; k < NameCharsBeforeSuffix && tokens.Count > start && IsCharacter(tokens[^1]) && j >= 0 && TextFolder.IsUnspacedScript(text[j]); k++, j--)
            {
                tokens.RemoveAt(tokens.Count - 1);
            }
        }
        else if (TextFolder.IsWordChar(text[j]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
    }

    private static bool HasCase(char c) => char.ToUpperInvariant(c) != char.ToLowerInvariant(c);

    private static bool IsSentenceBreak(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '\n' or '\r' or '(' or ')' or '"' or '。' or '、' or '，' or '；' or '：' or '！' or '？' or '،' or '؛' or '؟';
}
