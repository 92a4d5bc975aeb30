using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Features;

public class FeaturizerTests
{
    [Theory]
    [InlineData(Tier.Fast)]
    [InlineData(Tier.Elite)]
    public void Save_then_load_gives_identical_features(Tier tier)
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(200, lexicon: lexicon);
        var featurizer = FeaturizerOptions.For(tier).Fit(profiles, lexicon);
        var stream = new MemoryStream();
        featurizer.Save(stream);
        stream.Position = 0;
        var loaded = Featurizer.Load(stream, lexicon);
        Assert.Equal(featurizer.Features.Select(f => f.Name), loaded.Features.Select(f => f.Name));
        var a = FeatureMatrix.Build(featurizer, profiles, null);
        var b = FeatureMatrix.Build(loaded, profiles, null);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i]);
        }
    }

    [Fact]
    public void Elite_has_pairs_and_diversity_that_fast_has_not()
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(200, lexicon: lexicon);
        var fast = FeaturizerOptions.Fast.Fit(profiles, lexicon);
        var elite = FeaturizerOptions.Elite.Fit(profiles, lexicon);
        Assert.DoesNotContain(fast.Features, f => f.Kind is FeatureKind.Pair or FeatureKind.Diversity);
        Assert.Contains(elite.Features, f => f.Kind == FeatureKind.Pair);
        Assert.Equal(4, elite.Features.Count(f => f.Kind == FeatureKind.Diversity));
    }

    [Fact]
    public void Missing_facts_are_flagged_never_a_silent_zero()
    {
        var lexicon = TestData.Lexicon();
        var profiles = Core.Profiles.ProfileBuilder.FromNotes(Core.Concepts.ConceptMatcher.Build(lexicon),
            TestData.NotesCsv("ID,Transcription\nA,Budget 3-5K. 45 years old. golf\nB,golf only\nC,golf and bag\n"));
        var f = FeaturizerOptions.Fast.Fit(profiles, lexicon);
        var rows = FeatureMatrix.Build(f, profiles, null);
        int Col(string name) => f.Features.Select((x, i) => (x, i)).First(t => t.x.Name == name).i;
        Assert.Equal(0, rows[0][Col("fact:budget_missing")]);
        Assert.Equal(4, rows[0][Col("fact:budget_mid_k")]);
        Assert.Equal(45, rows[0][Col("fact:age")]);
        Assert.Equal(1, rows[1][Col("fact:budget_missing")]);
        Assert.Equal(1, rows[1][Col("fact:age_missing")]);
        Assert.Equal(1, rows[1][Col("history:date_missing")]);
    }

    [Fact]
    public void Loading_with_another_lexicon_is_refused()
    {
        var lexicon = TestData.Lexicon();
        var featurizer = FeaturizerOptions.Fast.Fit(TestData.Profiles(50, lexicon: lexicon), lexicon);
        var stream = new MemoryStream();
        featurizer.Save(stream);
        stream.Position = 0;
        var other = new ConceptLexicon("other", [new Concept("x", "x", "other", ["xx"])]);
        var e = Assert.Throws<ClienteleInputException>(() => Featurizer.Load(stream, other));
        Assert.Contains("lexicon", e.Message);
    }

    [Fact]
    public void A_future_format_version_is_refused_with_the_supported_range()
    {
        var lexicon = TestData.Lexicon();
        var featurizer = FeaturizerOptions.Fast.Fit(TestData.Profiles(50, lexicon: lexicon), lexicon);
        var stream = new MemoryStream();
        featurizer.Save(stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\"format_version\":" + Featurizer.FormatVersion, "\"format_version\":99");
        var e = Assert.Throws<ClienteleInputException>(() => Featurizer.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), lexicon));
        Assert.Contains("99", e.Message);
    }
}
