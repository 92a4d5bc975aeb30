using Clientele.Core.Concepts;
using Clientele.Core.Features;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;

namespace Clientele.Core.Tests.Features;

public class AliasWordFeaturesTests
{
    private static IReadOnlyList<ClientProfile> Profiles(string csv) =>
        ProfileBuilder.FromNotes(ConceptMatcher.Build(TestData.Lexicon()), TestData.NotesCsv(csv));

    private const string Notes = "ID,Transcription\n" +
        "A,Looking for a travel bag. Plays golf.\n" +
        "B,Cherche un sac de voyage.\n" +
        "C,Wants a bag and plays golf.\n" +
        "D,Golf only.\n";

    [Fact]
    public void Alias_words_are_folded_runs_of_letters_and_an_unspaced_alias_is_one_word()
    {
        Assert.Equal(["cadeau", "d", "anniversaire"], AliasWords.Split("Cadeau d'Anniversaire"));
        Assert.Equal(["piece", "exceptionnelle"], AliasWords.Split("pièce  exceptionnelle"));
        Assert.Equal(["誕生日プレゼント"], AliasWords.Split("誕生日プレゼント"));
    }

    [Fact]
    public void Profiles_remember_which_alias_matched_each_concept()
    {
        var lexicon = TestData.Lexicon();
        var a = Profiles(Notes)[0];
        Assert.Equal(a.Concepts.Count, a.Aliases.Count);
        var matched = a.Concepts.Zip(a.Aliases, (c, i) => lexicon.Concepts[c].Aliases[i]).ToList();
        Assert.Contains("travel bag", matched);
        Assert.Contains("golf", matched);
    }

    [Fact]
    public void A_word_shared_by_two_concepts_aliases_is_one_feature_set_for_either_concept()
    {
        var profiles = Profiles(Notes);
        var featurizer = FeaturizerOptions.Fast.Fit(profiles, TestData.Lexicon());
        var rows = FeatureMatrix.Build(featurizer, profiles, null);
        var bag = featurizer.Features.Select((f, i) => (f, i)).Single(t => t.f.Name == "word:bag").i;
        Assert.Equal(FeatureKind.Word, featurizer.Features[bag].Kind);
        Assert.True(rows[0][bag] > 0, "'travel bag' has the word bag");
        Assert.True(rows[2][bag] > 0, "'bag' is the word bag");
        Assert.Equal(0, rows[1][bag]);   // "sac de voyage": same concept as A, other words
        Assert.Equal(0, rows[3][bag]);
    }

    [Fact]
    public void The_word_block_is_l2_normalised_tf_idf_like_the_concept_terms()
    {
        var profiles = Profiles(Notes);
        var featurizer = FeaturizerOptions.Fast.Fit(profiles, TestData.Lexicon());
        var rows = FeatureMatrix.Build(featurizer, profiles, null);
        var words = featurizer.Features.Select((f, i) => (f, i)).Where(t => t.f.Kind == FeatureKind.Word).Select(t => t.i).ToArray();
        Assert.NotEmpty(words);
        foreach (var row in rows)
        {
            var norm = Math.Sqrt(words.Sum(i => (double)row[i] * row[i]));
            Assert.True(norm == 0 || Math.Abs(norm - 1) < 1e-5, $"word block norm {norm}");
        }

        // A word in fewer clients weighs more: bag is in 2 of 4 clients, golf in 3.
        var golf = words.Single(i => featurizer.Features[i].Name == "word:golf");
        var bag = words.Single(i => featurizer.Features[i].Name == "word:bag");
        Assert.True(featurizer.Words[bag - words[0]].Idf > featurizer.Words[golf - words[0]].Idf);
    }

    [Fact]
    public void A_word_features_weight_goes_to_the_concept_matched_through_that_word()
    {
        var profiles = Profiles(Notes);
        var featurizer = FeaturizerOptions.Fast.Fit(profiles, TestData.Lexicon());
        var rows = FeatureMatrix.Build(featurizer, profiles, null);
        var bag = featurizer.Features.Select((f, i) => (f, i)).Single(t => t.f.Name == "word:bag").i;
        var contributions = new float[featurizer.FeatureCount];
        contributions[bag] = 0.3f;
        var reasons = new ReasonBuilder(featurizer);

        Assert.Equal("+ travel bag", reasons.Build(contributions, rows[0], profiles[0]));   // not golf, the client's other concept
        Assert.Equal("+ bag", reasons.Build(contributions, rows[2], profiles[2]));
        Assert.Equal("", reasons.Build(contributions, rows[3], profiles[3]));               // no bag word: nothing to name
    }

    [Fact]
    public void A_version_1_featurizer_without_words_still_loads_with_its_own_columns()
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(80, lexicon: lexicon);
        var old = (FeaturizerOptions.Fast with { MaxWords = 0 }).Fit(profiles, lexicon);
        var stream = new MemoryStream();
        old.Save(stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var v1 = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        v1["format_version"] = 1;
        v1.Remove("max_words");
        v1.Remove("words");

        var loaded = Featurizer.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(v1.ToJsonString())), lexicon);

        Assert.DoesNotContain(loaded.Features, f => f.Kind == FeatureKind.Word);
        Assert.Equal(old.Features.Select(f => f.Name), loaded.Features.Select(f => f.Name));
        var a = FeatureMatrix.Build(old, profiles, null);
        var b = FeatureMatrix.Build(loaded, profiles, null);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i]);
        }
    }
}
