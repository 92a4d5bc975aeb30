namespace Clientele.Core.Facts;

/// <summary>Sentence bounds in a note: a fact and its anchor word are only linked within one sentence.</summary>
internal static class Sentences
{
    /// <summary>True when a sentence ends between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static bool Crosses(string note, int from, int to)
    {
        for (int i = from; i < to && i < note.Length; i++)
        {
            if (IsBreak(note, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the sentence holding <paramref name="index"/> ends, looking at most <paramref name="maxLength"/> chars ahead.</summary>
    public static int End(string note, int index, int maxLength)
    {
        int limit = Math.Min(note.Length, index + maxLength);
        for (int i = index; i < limit; i++)
        {
            if (IsBreak(note, i))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>Where the sentence holding <paramref name="index"/> starts.</summary>
    public static int Start(string note, int index)
    {
        for (int i = Math.Min(index, note.Length) - 1; i >= 0; i--)
        {
            if (IsBreak(note, i))
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
    private static bool IsBreak(string note, int i)
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
}
