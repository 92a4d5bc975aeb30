using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace Clientele.Core.Features;

/// <summary>
/// The n-grams of a token sequence (<see cref="NoteTokens"/>): word 1–2-grams in spaced scripts, character 1–3-grams
/// in Han, Kana and Hangul, never across a break or between a word and a character. A gram's 64-bit key is exact for
/// 1- and 2-grams (the tokens side by side) and a mix for 3-grams.
/// </summary>
internal static class TextGrams
{
    public const int MaxWordGram = 2;
    public const int MaxCharGram = 3;

    public static ulong Key(uint a) => a;

    public static ulong Key(uint a, uint b) => ((ulong)a << 32) | b;

    public static ulong Key(uint a, uint b, uint c)
    {
        // SplitMix64's finaliser over the pair and the third token; a 3-gram colliding with a 1- or 2-gram is a 2⁻⁶⁴ event.
        var z = Key(a, b) ^ ((ulong)c * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The key of a gram given as its tokens' folded texts (how the vocabulary is saved).</summary>
    public static ulong Key(IReadOnlyList<string> parts) => parts.Count switch
    {
        1 => Key(NoteTokens.Of(parts[0])),
        2 => Key(NoteTokens.Of(parts[0]), NoteTokens.Of(parts[1])),
        _ => Key(NoteTokens.Of(parts[0]), NoteTokens.Of(parts[1]), NoteTokens.Of(parts[2])),
    };

    /// <summary>Counts every gram of <paramref name="tokens"/> into <paramref name="counts"/> (not cleared).</summary>
    public static void Count(List<uint> tokens, Dictionary<ulong, int> counts) => Count(tokens, counts, null);

    /// <summary>
    /// As <see cref="Count(List{uint}, Dictionary{ulong, int})"/>, counting only the grams that are keys of
    /// <paramref name="only"/> (all when null). The counted keys keep the order in which they first occur, so a
    /// caller iterating them sees the vocabulary's grams in the same order as in the full count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Count(List<uint> tokens, Dictionary<ulong, int> counts, Dictionary<ulong, int>? only)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var a = tokens[i];
            if (a == NoteTokens.Break)
            {
                continue;
            }

            Add(counts, only, Key(a));
            if (i + 1 >= tokens.Count || tokens[i + 1] is var b && (b == NoteTokens.Break || NoteTokens.IsCharacter(a) != NoteTokens.IsCharacter(b)))
            {
                continue;
            }

            Add(counts, only, Key(a, b));
            if (NoteTokens.IsCharacter(a) && i + 2 < tokens.Count && tokens[i + 2] is var c && c != NoteTokens.Break && NoteTokens.IsCharacter(c))
            {
                Add(counts, only, Key(a, b, c));
            }
        }
    }

    /// <summary>Finds the tokens of each wanted key in <paramref name="tokens"/>, into <paramref name="found"/>.</summary>
    public static void Locate(List<uint> tokens, HashSet<ulong> wanted, Dictionary<ulong, uint[]> found)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var a = tokens[i];
            if (a == NoteTokens.Break)
            {
                continue;
            }

            Found(wanted, found, Key(a), 1, a, 0, 0);
            if (i + 1 >= tokens.Count || tokens[i + 1] is var b && (b == NoteTokens.Break || NoteTokens.IsCharacter(a) != NoteTokens.IsCharacter(b)))
            {
                continue;
            }

            Found(wanted, found, Key(a, b), 2, a, b, 0);
            if (NoteTokens.IsCharacter(a) && i + 2 < tokens.Count && tokens[i + 2] is var c && c != NoteTokens.Break && NoteTokens.IsCharacter(c))
            {
                Found(wanted, found, Key(a, b, c), 3, a, b, c);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Dictionary<ulong, int> counts, Dictionary<ulong, int>? only, ulong key)
    {
        // A gram outside the vocabulary is not counted: the scratch table stays as small as the client's vocabulary
        // grams, and clearing it for the next client costs that much, not the size of its largest client's text.
        if (only is not null && !only.ContainsKey(key))
        {
            return;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot++;
    }

    private static void Found(HashSet<ulong> wanted, Dictionary<ulong, uint[]> found, ulong key, int n, uint a, uint b, uint c)
    {
        if (wanted.Contains(key) && !found.ContainsKey(key))
        {
            found.Add(key, n == 1 ? [a] : n == 2 ? [a, b] : [a, b, c]);
        }
    }
}
