using Clientele.Core.Concepts;
using Clientele.Core.Features;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Tests.Features;

public class TextChannelTests
{
    private static readonly ConceptLexicon Builtin = LexiconCsv.LoadBuiltin();

    /// <summary>40 clients: half mention the invented line "Vardeau" and buy, half "Orsava" and do not; a third mention nuts.</summary>
    private static (IReadOnlyList<ClientProfile> Profiles, TextSupervision Supervision) Maison(ConceptLexicon lexicon)
    {
        var csv = "ID,Transcription\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"C{i},Mme Laurent vient pour la ligne {(i % 2 == 0 ? "Vardeau" : "Orsava")}. {(i % 3 == 0 ? "Allergie aux noix." : "")} Note {i}.\n"));
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon), TestData.NotesCsv(csv));
        var training = profiles.Select((_, i) => i < 30).ToArray();
        var outcomes = new IReadOnlyList<double?>[] { profiles.Select((_, i) => (double?)(i % 2 == 0 ? 1 : 0)).ToArray() };
        return (profiles, new TextSupervision(training, outcomes));
    }

    private static string[] TextColumns(Featurizer f) => [.. f.Features.Where(x => x.Kind == FeatureKind.Text).Select(x => ((TextSubject)x.Subject).Text)];

    [Fact]
    public void The_words_that_tell_outcomes_apart_rank_first_and_names_are_not_features()
    {
        var (profiles, supervision) = Maison(Builtin);
        var featurizer = FeaturizerOptions.Fast.Fit(profiles, Builtin, null, supervision);
        var columns = TextColumns(featurizer);
        Assert.Contains(columns.Take(4), c => c == "vardeau");
        Assert.Contains(columns.Take(4), c => c == "orsava");
        Assert.DoesNotContain("laurent", columns);
        Assert.DoesNotContain("mme", columns);
    }

    [Fact]
    public void The_vocabulary_is_learnt_on_training_clients_only()
    {
        var (profiles, supervision) = Maison(Builtin);
        // Clients 30-39 are test clients: the numbers they alone carry never reach the vocabulary.
        var featurizer = FeaturizerOptions.Fast.Fit(profiles, Builtin, null, supervision with { Training = [.. supervision.Training.Select((t, i) => t && i % 10 != 0)] });
        Assert.DoesNotContain(TextColumns(featurizer), c => c is "35" or "note 35");
    }

    [Fact]
    public void Sensitive_concepts_and_their_words_are_kept_out_of_the_features_by_default()
    {
        var (profiles, supervision) = Maison(Builtin);
        var masked = FeaturizerOptions.Fast.Fit(profiles, Builtin, null, supervision);
        Assert.DoesNotContain(TextColumns(masked), c => c.Contains("noix", StringComparison.Ordinal) || c.Contains("allergie", StringComparison.Ordinal));
        Assert.DoesNotContain(masked.Features, f => f.ConceptIds.Any(id => id.StartsWith("allergy.", StringComparison.Ordinal)));
        var row = new float[masked.FeatureCount];
        masked.Transform(profiles[0], null, row);
        var allergy = masked.Features.Select((f, i) => (f, i)).Where(x => x.f.Subject is CategorySubject { Category: ConceptCategory.Allergy }).Select(x => x.i);
        Assert.All(allergy, i => Assert.Equal(0, row[i]));
        Assert.True(masked.Mask.Count > 0);
    }

    [Fact]
    public void Include_sensitive_lets_them_in_and_is_saved_with_the_featurizer()
    {
        var (profiles, supervision) = Maison(Builtin);
        var open = (FeaturizerOptions.Fast with { IncludeSensitive = true }).Fit(profiles, Builtin, null, supervision);
        Assert.Contains(open.Features, f => f.ConceptIds.Any(id => id.StartsWith("allergy.", StringComparison.Ordinal)));
        Assert.Equal(0, open.Mask.Count);
        using var buffer = new MemoryStream();
        open.Save(buffer);
        buffer.Position = 0;
        var loaded = Featurizer.Load(buffer, Builtin);
        Assert.True(loaded.Options.IncludeSensitive);
        Assert.Equal(open.Features.Select(f => f.Name), loaded.Features.Select(f => f.Name));
        var a = new float[open.FeatureCount];
        var b = new float[open.FeatureCount];
        open.Transform(profiles[3], null, a);
        loaded.Transform(profiles[3], null, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_client_known_only_from_transactions_first_in_the_list_does_not_turn_the_channel_off()
    {
        var (profiles, supervision) = Maison(Builtin);
        var withUnnoted = new[] { new ClientProfile("T1") }.Concat(profiles).ToList();
        var widened = new TextSupervision([false, .. supervision.Training], [[null, .. supervision.Outcomes[0]]]);
        var featurizer = FeaturizerOptions.Fast.Fit(withUnnoted, Builtin, null, widened);
        Assert.Contains("vardeau", TextColumns(featurizer));
    }

    [Fact]
    public void The_text_block_is_l2_normalised_tf_idf()
    {
        var (profiles, supervision) = Maison(Builtin);
        var featurizer = FeaturizerOptions.Fast.Fit(profiles, Builtin, null, supervision);
        var text = featurizer.Features.Select((f, i) => (f, i)).Where(x => x.f.Kind == FeatureKind.Text).Select(x => x.i).ToArray();
        Assert.NotEmpty(text);
        var row = new float[featurizer.FeatureCount];
        featurizer.Transform(profiles[0], null, row);
        Assert.Equal(1.0, Math.Sqrt(text.Sum(i => (double)row[i] * row[i])), 4);
    }

    [Fact]
    public void A_sensitivity_marker_names_allergies_and_religious_diets_but_not_a_colour()
    {
        var byId = Builtin.Concepts.ToDictionary(c => c.Id);
        Assert.Equal("health", SensitivityMask.ReasonOf(byId["allergy.nuts"]));
        Assert.Equal("religion", SensitivityMask.ReasonOf(byId["diet.halal"]));
        Assert.Null(SensitivityMask.ReasonOf(byId["diet.vegetarian"]));
        Assert.Null(SensitivityMask.ReasonOf(Builtin.Concepts.First(c => c.Category == ConceptCategory.Colour)));
    }
}
