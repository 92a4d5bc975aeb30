using System.Text.Json.Nodes;
using Clientele.Core.Bundles;
using Clientele.Core.Errors;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Scoring;
using Clientele.Core.Training;

namespace Clientele.Core.Tests.Segments;

public class SegmentRuleTests
{
    private static TrainedModel Train(int clients = 400, SegmentOptions? segments = null)
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(clients, lexicon: lexicon);
        var labels = SmartLabeler.Label(profiles, lexicon, 42);
        return Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Seed = 42, Segments = segments ?? new SegmentOptions() });
    }

    private static ModelBundle Bundle(TrainedModel trained) =>
        ModelBundle.FromTraining(trained, 42, "test", ReportJson.Build(trained.Report), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Default_value_quantiles_put_half_the_population_in_Low_and_five_percent_in_VIP()
    {
        var clv = Enumerable.Range(0, 10_000).Select(i => (double)i).ToList();
        var rule = new SegmentOptions().Fit(clv, 0.3);
        var counts = clv.GroupBy(rule.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(SegmentRule.QuantilesMethod, rule.ValueMethod);
        Assert.InRange(counts["Low"], 4_990, 5_010);
        Assert.InRange(counts["Medium"], 2_990, 3_010);
        Assert.InRange(counts["High"], 1_490, 1_510);
        Assert.InRange(counts["VIP"], 490, 510);
    }

    [Fact]
    public void Risk_bounds_sit_at_odds_ratios_to_the_population_rate_so_the_rate_itself_is_Monitor()
    {
        var rule = new SegmentOptions { RiskOddsRatios = [0.5, 1.5, 3] }.Fit([], 0.2);
        // Odds of 0.2 are 0.25: half is 0.125 → p 0.1111; 1.5× is 0.375 → 0.2727; 3× is 0.75 → 0.4286.
        Assert.Equal([0.1111, 0.2727, 0.4286], rule.RiskBounds);
        Assert.Equal(SegmentRule.OddsRatioMethod, rule.RiskMethod);
        Assert.Equal(0.2, rule.ChurnRate);
        Assert.Equal("Safe", rule.Risk(0.1));
        Assert.Equal("Monitor", rule.Risk(0.2));
        Assert.Equal("At Risk", rule.Risk(0.3));
        Assert.Equal("Critical", rule.Risk(0.9));
    }

    [Fact]
    public void Fixed_bounds_override_the_fitted_ones_and_an_axis_without_data_keeps_the_design_bounds()
    {
        var given = new SegmentOptions { ValueBounds = [10, 20, 30], RiskBounds = [0.1, 0.2, 0.3] }.Fit([1, 2, 3], 0.5);
        Assert.Equal([10d, 20, 30], given.ValueBounds);
        Assert.Equal([0.1, 0.2, 0.3], given.RiskBounds);
        Assert.Equal(SegmentRule.FixedMethod, given.ValueMethod);
        var empty = new SegmentOptions().Fit([], double.NaN);
        Assert.Equal(Defaults.ValueBounds, empty.ValueBounds);
        Assert.Equal(Defaults.RiskBounds, empty.RiskBounds);
    }

    [Fact]
    public void Training_fits_value_bounds_on_the_training_population_and_every_segment_is_used()
    {
        var trained = Train();
        var rule = trained.Segments;
        Assert.Equal(SegmentRule.QuantilesMethod, rule.ValueMethod);
        Assert.Equal(SegmentRule.OddsRatioMethod, rule.RiskMethod);
        var lexicon = TestData.Lexicon();
        var scores = new Scorer(Bundle(trained)).Score(TestData.Profiles(400, lexicon: lexicon), withReasons: false);
        Assert.Equal(Scoring.Segments.ValueNames.Order(), scores.Select(s => s.ValueSegment).Distinct().Order());
        var vip = scores.Count(s => s.ValueSegment == "VIP");
        Assert.InRange(vip, 5, 60);
    }

    [Fact]
    public void A_clients_segment_is_the_same_scored_alone_or_in_a_batch()
    {
        var bundle = Bundle(Train(300));
        var profiles = TestData.Profiles(120, seed: 11, lexicon: bundle.Lexicon);
        var asOf = new DateOnly(2026, 12, 31);
        var batch = new Scorer(bundle).Score(profiles, asOf, withReasons: false);
        var firstTen = new Scorer(bundle).Score(profiles.Take(10).ToList(), asOf, withReasons: false);
        for (var i = 0; i < 10; i++)
        {
            var alone = new Scorer(bundle).Score([profiles[i]], asOf, withReasons: false)[0];
            Assert.Equal(batch[i].ValueSegment, alone.ValueSegment);
            Assert.Equal(batch[i].RiskSegment, alone.RiskSegment);
            Assert.Equal(firstTen[i].ValueSegment, alone.ValueSegment);
        }
    }

    [Fact]
    public void The_rule_is_saved_in_the_bundle_and_read_back_unchanged()
    {
        var trained = Train(300);
        var memory = new MemoryBundle();
        Bundle(trained).Save(memory);
        var meta = JsonNode.Parse(memory.Parts[ModelBundle.MetadataFile])!.AsObject();
        Assert.Equal(3, (int)meta["format_version"]!);
        Assert.Equal(3, meta["segments"]!["value_bounds"]!.AsArray().Count);
        var loaded = ModelBundle.Load(memory);
        Assert.Equal(trained.Segments.ValueBounds, loaded.Segments.ValueBounds);
        Assert.Equal(trained.Segments.RiskBounds, loaded.Segments.RiskBounds);
        Assert.Equal(trained.Segments.ChurnRate, loaded.Segments.ChurnRate);
    }

    [Fact]
    public void A_version_2_bundle_without_segments_scores_with_the_fixed_design_bounds()
    {
        var memory = new MemoryBundle();
        Bundle(Train(300)).Save(memory);
        var meta = JsonNode.Parse(memory.Parts[ModelBundle.MetadataFile])!.AsObject();
        meta["format_version"] = 2;
        meta.Remove("segments");
        using (var s = memory.Create(ModelBundle.MetadataFile))
        {
            s.Write(System.Text.Encoding.UTF8.GetBytes(meta.ToJsonString()));
        }

        var loaded = ModelBundle.Load(memory);
        Assert.Same(SegmentRule.Fixed, loaded.Segments);
        var score = new Scorer(loaded).Score(TestData.Profiles(5, lexicon: loaded.Lexicon), withReasons: false)[0];
        Assert.Equal(Scoring.Segments.Value(score.PredictedClv), score.ValueSegment);
        Assert.Equal(Scoring.Segments.Risk(score.ChurnRisk), score.RiskSegment);
    }

    [Fact]
    public void A_bundle_whose_segment_bounds_are_not_ascending_is_refused_as_damaged()
    {
        var memory = new MemoryBundle();
        Bundle(Train(300)).Save(memory);
        var meta = JsonNode.Parse(memory.Parts[ModelBundle.MetadataFile])!.AsObject();
        meta["segments"]!["value_bounds"] = new JsonArray(5, 3, 1);
        using (var s = memory.Create(ModelBundle.MetadataFile))
        {
            s.Write(System.Text.Encoding.UTF8.GetBytes(meta.ToJsonString()));
        }

        var e = Assert.Throws<ClienteleInputException>(() => ModelBundle.Load(memory, "m"));
        Assert.Contains("segments", e.Message);
        Assert.Contains(Messages.SegmentBoundsExpected, e.Message);
    }
}
