namespace Clientele.Core.Features.Blocks;

/// <summary>How much the client's notes say: concept and text counts and ratios.</summary>
internal sealed class StatisticBlock() : NamedColumnsBlock(
    "stat:", FeatureKind.Statistic, ["concept_count", "distinct_concepts", "text_length", "distinct_ratio", "concepts_per_100_chars", "long_alias_ratio"],
    i => new StatisticSubject((ProfileStatistic)i))
{
    public override void Write(in FeatureRow row, Span<float> destination)
    {
        var profile = row.Profile;
        var concepts = profile.Concepts.Count;
        var distinct = row.Tally.DistinctCount;
        var n = Math.Max(concepts, 1);
        destination[(int)ProfileStatistic.ConceptCount] = concepts;
        destination[(int)ProfileStatistic.DistinctConcepts] = distinct;
        destination[(int)ProfileStatistic.TextLength] = profile.TextLength;
        destination[(int)ProfileStatistic.DistinctRatio] = (float)distinct / n;
        destination[(int)ProfileStatistic.ConceptsPer100Chars] = profile.TextLength > 0 ? 100f * concepts / profile.TextLength : 0;
        destination[(int)ProfileStatistic.LongAliasRatio] = (float)profile.LongAliasCount / n;
    }
}
