using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>
/// Finds every concept of a lexicon in a note in one pass: an Aho–Corasick automaton over folded text
/// (<see cref="TextFolder"/>), leftmost-longest non-overlapping matches, word boundaries required at the
/// ends of an alias written in a spaced script and not for CJK/Hangul. Built once, then thread-safe.
/// </summary>
public sealed class ConceptMatcher
{
    private const int Root = 0;

    // Root transitions are dense (one lookup for the most frequent state); other nodes use CSR edge lists.
    private readonly int[] _rootNext;
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeTarget;
    private readonly int[] _fail;
    private readonly int[] _output;      // pattern ending exactly at this node, or -1
    private readonly int[] _outputLink;  // nearest node on the failure chain with an output, or -1
    private readonly Pattern[] _patterns;

    private ConceptMatcher(ConceptLexicon lexicon, int[] rootNext, int[] edgeStart, char[] edgeChar, int[] edgeTarget,
        int[] fail, int[] output, int[] outputLink, Pattern[] patterns)
    {
        Lexicon = lexicon;
        _rootNext = rootNext;
        _edgeStart = edgeStart;
        _edgeChar = edgeChar;
        _edgeTarget = edgeTarget;
        _fail = fail;
        _output = output;
        _outputLink = outputLink;
        _patterns = patterns;
    }

    public ConceptLexicon Lexicon { get; }

    /// <summary>Number of distinct folded aliases in the automaton.</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>Builds the automaton from every alias of every concept (first concept wins a shared alias).</summary>
    public static ConceptMatcher Build(ConceptLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var builder = new TrieBuilder();
        var patterns = new List<Pattern>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < lexicon.Concepts.Count; c++)
        {
            var aliases = lexicon.Concepts[c].Aliases;
            for (var a = 0; a < aliases.Count; a++)
            {
                var folded = TextFolder.Fold(aliases[a].Trim());
                if (folded.Length == 0 || !seen.Add(folded))
                {
                    continue;
                }

                builder.Add(folded, patterns.Count);
                patterns.Add(new Pattern(c, a, folded.Length,
                    !TextFolder.IsUnspacedScript(folded[0]) && TextFolder.IsWordChar(folded[0]),
                    !TextFolder.IsUnspacedScript(folded[^1]) && TextFolder.IsWordChar(folded[^1])));
            }
        }

        return builder.Compile(lexicon, patterns.ToArray());
    }

    /// <summary>Matches of one note, leftmost-longest, in text order.</summary>
    public List<ConceptMatch> Match(string text)
    {
        var result = new List<ConceptMatch>();
        Match(text, result, new List<ConceptMatch>());
        return result;
    }

    /// <summary>
    /// Appends the matches of <paramref name="text"/> to <paramref name="output"/>; <paramref name="scratch"/>
    /// is a reusable buffer so a batch makes no allocation per note once warmed.
    /// </summary>
    public void Match(ReadOnlySpan<char> text, List<ConceptMatch> output, List<ConceptMatch> scratch)
    {
        scratch.Clear();
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            state = Next(state, TextFolder.Fold(text[i]));
            var node = _output[state] >= 0 ? state : _outputLink[state];
            while (node >= 0)
            {
                var p = _patterns[_output[node]];
                var end = i + 1;
                var start = end - p.Length;
                if ((!p.StartBoundary || start == 0 || TextFolder.IsBoundary(text[start - 1]))
                    && (!p.EndBoundary || end == text.Length || TextFolder.IsBoundary(text[end])))
                {
                    scratch.Add(new ConceptMatch(p.Concept, p.Alias, start, end));
                }

                node = _outputLink[node];
            }
        }

        SelectLeftmostLongest(scratch, output);
    }

    private static void SelectLeftmostLongest(List<ConceptMatch> candidates, List<ConceptMatch> output)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        candidates.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var covered = -1;
        foreach (var m in candidates)
        {
            if (m.Start >= covered)
            {
                output.Add(m);
                covered = m.End;
            }
        }
    }

    private int Next(int state, char c)
    {
        while (true)
        {
            if (state == Root)
            {
                return _rootNext[c];
            }

            var from = _edgeStart[state];
            var to = _edgeStart[state + 1];
            if (to - from <= 8)
            {
                for (var e = from; e < to; e++)
                {
                    if (_edgeChar[e] == c)
                    {
                        return _edgeTarget[e];
                    }
                }
            }
            else
            {
                // Wide nodes (after a common first letter) are binary-searched: edges are sorted by char.
                var i = _edgeChar.AsSpan(from, to - from).BinarySearch(c);
                if (i >= 0)
                {
                    return _edgeTarget[from + i];
                }
            }

            state = _fail[state];
        }
    }

    private readonly record struct Pattern(int Concept, int Alias, int Length, bool StartBoundary, bool EndBoundary);

    /// <summary>Trie with dictionary edges while building, compiled to flat arrays with failure links.</summary>
    private sealed class TrieBuilder
    {
        private readonly List<Dictionary<char, int>> _children = [new()];
        private readonly List<int> _output = [-1];

        public void Add(string folded, int pattern)
        {
            var node = Root;
            foreach (var ch in folded)
            {
                if (!_children[node].TryGetValue(ch, out var next))
                {
                    next = _children.Count;
                    _children.Add(new Dictionary<char, int>());
                    _output.Add(-1);
                    _children[node][ch] = next;
                }

                node = next;
            }

            _output[node] = pattern;
        }

        public ConceptMatcher Compile(ConceptLexicon lexicon, Pattern[] patterns)
        {
            var n = _children.Count;
            var fail = new int[n];
            var outputLink = new int[n];
            Array.Fill(outputLink, -1);
            var rootNext = new int[char.MaxValue + 1];
            foreach (var (ch, child) in _children[Root])
            {
                rootNext[ch] = child;
            }

            // Breadth-first: a node's failure link is known before its children's.
            var queue = new Queue<int>();
            foreach (var child in _children[Root].Values)
            {
                fail[child] = Root;
                queue.Enqueue(child);
            }

            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var (ch, child) in _children[node])
                {
                    var f = fail[node];
                    int target;
                    while (true)
                    {
                        if (_children[f].TryGetValue(ch, out target))
                        {
                            break;
                        }

                        if (f == Root)
                        {
                            target = Root;
                            break;
                        }

                        f = fail[f];
                    }

                    fail[child] = target == child ? Root : target;
                    outputLink[child] = _output[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
                    queue.Enqueue(child);
                }
            }

            var edgeStart = new int[n + 1];
            var edgeCount = 0;
            for (var i = 0; i < n; i++)
            {
                edgeStart[i] = edgeCount;
                edgeCount += i == Root ? 0 : _children[i].Count;
            }

            edgeStart[n] = edgeCount;
            var edgeChar = new char[edgeCount];
            var edgeTarget = new int[edgeCount];
            for (var i = 1; i < n; i++)
            {
                var e = edgeStart[i];
                foreach (var (ch, child) in _children[i].OrderBy(kv => kv.Key))
                {
                    edgeChar[e] = ch;
                    edgeTarget[e] = child;
                    e++;
                }
            }

            return new ConceptMatcher(lexicon, rootNext, edgeStart, edgeChar, edgeTarget, fail, [.. _output], outputLink, patterns);
        }
    }
}
