using Clientele.Core.Concepts;
using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Tests.Concepts;

/// <summary>
/// The automaton against the plainest implementation of the same rules: at every position, look up every alias
/// length in a dictionary of folded aliases (first concept wins a shared alias), keep the longest that sits at
/// word boundaries, and jump past it. Any transition-table or selection trick in the matcher must agree with it.
/// </summary>
public class ConceptMatcherReferenceTests
{
    [Fact]
    public void Matches_equal_a_naive_scan_over_all_aliases_on_generated_notes()
    {
        var lexicon = LexiconCsv.LoadBuiltin();
        var matcher = ConceptMatcher.BuildAutomaton(lexicon);
        var reference = new NaiveMatcher(lexicon);
        var notes = GeneratedNotes.Read(clients: 1_400, seed: 11);
        Assert.InRange(notes.Count, 1_900, 3_000);
        var total = 0;
        foreach (var note in notes)
        {
            var expected = reference.Match(note.Text);
            Assert.Equal(expected, matcher.Match(note.Text));
            total += expected.Count;
        }

        Assert.True(total > 10_000, $"only {total} matches: the notes exercise too little of the lexicon");
    }

    [Theory]
    [InlineData("のExotic Trunkを見たい、予算は3-5K")]
    [InlineData("Anniversaire de mariage — cherche un sac en cuir d’autruche, budget 20K+")]
    [InlineData("선물을 찾고 있어요. 가죽 가방, 예산 500만원")]
    [InlineData("a travel bag please, travel bags, TRAVEL BAG!")]
    [InlineData("")]
    public void Matches_equal_a_naive_scan_on_mixed_scripts(string text)
    {
        var lexicon = LexiconCsv.LoadBuiltin();
        Assert.Equal(new NaiveMatcher(lexicon).Match(text), ConceptMatcher.BuildAutomaton(lexicon).Match(text));
    }

    private sealed class NaiveMatcher
    {
        private readonly Dictionary<string, (int Concept, int Alias)> _aliases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Concept, int Alias)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly int[] _lengths;

        public NaiveMatcher(ConceptLexicon lexicon)
        {
            for (var c = 0; c < lexicon.Concepts.Count; c++)
            {
                for (var a = 0; a < lexicon.Concepts[c].Aliases.Count; a++)
                {
                    var folded = TextFolder.Fold(lexicon.Concepts[c].Aliases[a].Trim());
                    if (folded.Length > 0)
                    {
                        _aliases.TryAdd(folded, (c, a));
                    }
                }
            }

            _lookup = _aliases.GetAlternateLookup<ReadOnlySpan<char>>();
            _lengths = _aliases.Keys.Select(k => k.Length).Distinct().OrderDescending().ToArray();
        }

        public List<ConceptMatch> Match(string text)
        {
            var folded = TextFolder.Fold(text);
            var result = new List<ConceptMatch>();
            var start = 0;
            while (start < text.Length)
            {
                var found = false;
                foreach (var length in _lengths)
                {
                    var end = start + length;
                    if (end <= text.Length && _lookup.TryGetValue(folded.AsSpan(start, length), out var hit)
                        && BoundaryOk(text, folded, start, end))
                    {
                        result.Add(new ConceptMatch(hit.Concept, hit.Alias, start, end));
                        start = end;
                        found = true;
                        break;
                    }
                }

                start += found ? 0 : 1;
            }

            return result;
        }

        private static bool BoundaryOk(string text, string folded, int start, int end)
        {
            var first = folded[start];
            var last = folded[end - 1];
            var needStart = !TextFolder.IsUnspacedScript(first) && TextFolder.IsWordChar(first);
            var needEnd = !TextFolder.IsUnspacedScript(last) && TextFolder.IsWordChar(last);
            return (!needStart || start == 0 || TextFolder.IsBoundary(text[start - 1]))
                && (!needEnd || end == text.Length || TextFolder.IsBoundary(text[end]));
        }
    }
}
