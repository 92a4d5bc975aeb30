using Clientele.Core.Scoring;

namespace Clientele.Core.Tests.Segments;

/// <summary>The tally a streamed scoring run reports is the summary of its whole list.</summary>
public class ScoresTallyTests
{
    [Fact]
    public void A_tally_added_score_by_score_gives_the_counts_and_means_of_the_whole_list_without_its_missing_values()
    {
        var random = new Random(17);
        double Maybe(double x) => random.Next(7) == 0 ? double.NaN : x;
        var scores = Enumerable.Range(0, 5_000).Select(i =>
        {
            var clv = Maybe(random.NextDouble() * 20_000);
            var churn = Maybe(random.NextDouble());
            return new ClientScore($"c{i}", Maybe(random.NextDouble()), false, churn, false, clv,
                double.IsNaN(clv) ? string.Empty : Core.Scoring.Segments.ValueNames[random.Next(4)],
                double.IsNaN(churn) ? string.Empty : Core.Scoring.Segments.RiskNames[random.Next(Core.Scoring.Segments.RiskNames.Count)], ClientReasons.FromText(string.Empty));
        }).ToList();

        var tally = new ScoresTally();
        scores.ForEach(tally.Add);

        Assert.Equal(scores.Count, tally.Count);
        Assert.Equal(scores.Select(s => s.PurchaseProb).Where(x => !double.IsNaN(x)).Average(), tally.MeanPurchaseProb);
        Assert.Equal(scores.Select(s => s.ChurnRisk).Where(x => !double.IsNaN(x)).Average(), tally.MeanChurnRisk);
        Assert.Equal(scores.Select(s => s.PredictedClv).Where(x => !double.IsNaN(x)).Average(), tally.MeanClv);
        Assert.All(Core.Scoring.Segments.ValueNames, n => Assert.Equal(scores.Count(s => s.ValueSegment == n), tally.ValueSegments[n]));
        Assert.All(Core.Scoring.Segments.RiskNames, n => Assert.Equal(scores.Count(s => s.RiskSegment == n), tally.RiskSegments[n]));
        Assert.Equal(ScoresTally.Of(scores).MeanClv, tally.MeanClv);
    }

    [Fact]
    public void An_empty_tally_has_no_mean_and_every_segment_at_zero()
    {
        var tally = ScoresTally.Of([]);
        Assert.Equal(0, tally.Count);
        Assert.True(double.IsNaN(tally.MeanPurchaseProb) && double.IsNaN(tally.MeanChurnRisk) && double.IsNaN(tally.MeanClv));
        Assert.Equal(Core.Scoring.Segments.ValueNames, tally.ValueSegments.Keys);
        Assert.All(tally.RiskSegments.Values, v => Assert.Equal(0, v));
    }
}
