using Clientele.Core.Features;

namespace Clientele.Core.Tests.Features;

/// <summary>The row is the tier's blocks in order, each naming its columns with a kind and a matching typed subject.</summary>
public class FeatureBlocksTests
{
    private static readonly FeatureKind[] BlockOrder =
        [FeatureKind.Term, FeatureKind.Category, FeatureKind.Statistic, FeatureKind.Fact, FeatureKind.History, FeatureKind.Pair, FeatureKind.Diversity, FeatureKind.Word, FeatureKind.Text];

    [Theory]
    [InlineData(Tier.Fast)]
    [InlineData(Tier.Elite)]
    public void Blocks_are_contiguous_in_row_order_and_subjects_match_kinds(Tier tier)
    {
        var featurizer = FeaturizerOptions.For(tier).Fit(TestData.Profiles(120), TestData.Lexicon());
        var kinds = featurizer.Features.Select(f => Array.IndexOf(BlockOrder, f.Kind)).ToList();
        Assert.Equal(kinds.Order(), kinds);
        foreach (var f in featurizer.Features)
        {
            var (prefix, subjectMatches) = f.Kind switch
            {
                FeatureKind.Term => ("term:", f.Subject is ConceptsSubject),
                FeatureKind.Category => (f.Name.StartsWith("has:", StringComparison.Ordinal) ? "has:" : "category:", f.Subject is CategorySubject c && f.Name.EndsWith(":" + c.Category, StringComparison.Ordinal)),
                FeatureKind.Statistic => ("stat:", f.Subject is StatisticSubject),
                FeatureKind.Fact => ("fact:", f.Subject is FactSubject),
                FeatureKind.History => ("history:", f.Subject is HistorySubject),
                FeatureKind.Pair => ("pair:", f.Subject is ConceptsSubject { ConceptIds.Count: 2 }),
                FeatureKind.Diversity => ("diversity:", f.Subject is DiversitySubject),
                FeatureKind.Text => ("text:", f.Subject is TextSubject t && f.Name == "text:" + t.Text),
                _ => ("word:", f.Subject is WordSubject w && f.Name == "word:" + w.Text),
            };
            Assert.StartsWith(prefix, f.Name, StringComparison.Ordinal);
            Assert.True(subjectMatches, f.Name);
        }
    }

    [Fact]
    public void Fact_and_history_columns_follow_their_enums()
    {
        var featurizer = FeaturizerOptions.Fast.Fit(TestData.Profiles(60), TestData.Lexicon());
        Assert.Equal(Enum.GetValues<FactColumn>(), featurizer.Features.Select(f => f.Subject).OfType<FactSubject>().Select(s => s.Fact));
        Assert.Equal(Enum.GetValues<HistoryColumn>(), featurizer.Features.Select(f => f.Subject).OfType<HistorySubject>().Select(s => s.Measure));
        Assert.Equal("fact:budget_missing", featurizer.Features.Single(f => f.Subject is FactSubject { Fact: FactColumn.BudgetMissing }).Name);
        Assert.Equal(["hobby.golf"], featurizer.Features.First(f => f.Name == "term:hobby.golf").ConceptIds);
    }
}
