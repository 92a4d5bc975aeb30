using Clientele.Core.Concepts;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;

namespace Clientele.Core.Tests.Explanations;

/// <summary>Reasons that name a word of the notes, and reasons that never name a sensitive concept.</summary>
public class PhraseReasonTests
{
    private static readonly ConceptLexicon Builtin = LexiconCsv.LoadBuiltin();

    [Fact]
    public void A_phrase_reason_renders_as_mentions_the_word()
    {
        var text = new ClientReasons([new Reason(Target.Purchased, ReasonSubject.OfPhrase("solenne"), 0.4)], default).ToString();
        Assert.Equal("purchase: + mentions «solenne»", text);
    }

    private static (Featurizer Featurizer, IReadOnlyList<ClientProfile> Profiles) Fitted(bool includeSensitive)
    {
        var csv = "ID,Transcription\n" + string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"C{i},Vient pour la ligne {(i % 2 == 0 ? "Vardeau" : "Orsava")}. {(i % 3 == 0 ? "Allergie aux noix." : "")}\n"));
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(Builtin), TestData.NotesCsv(csv));
        var supervision = new TextSupervision(profiles.Select(_ => true).ToArray(),
            [profiles.Select((_, i) => (double?)(i % 2 == 0 ? 1 : 0)).ToArray()]);
        return ((FeaturizerOptions.Fast with { IncludeSensitive = includeSensitive }).Fit(profiles, Builtin, null, supervision), profiles);
    }

    [Fact]
    public void A_text_feature_s_weight_becomes_a_reason_naming_its_word()
    {
        var (featurizer, profiles) = Fitted(includeSensitive: false);
        var column = featurizer.Features.Select((f, i) => (f, i)).Single(x => x.f.Subject is TextSubject { Text: "vardeau" }).i;
        var features = new float[featurizer.FeatureCount];
        featurizer.Transform(profiles[0], null, features);
        var contributions = new float[featurizer.FeatureCount];
        contributions[column] = 0.5f;
        var reasons = new ReasonBuilder(featurizer).Explain(Target.Purchased, contributions, features, profiles[0]);
        var reason = Assert.Single(reasons);
        Assert.Equal(ReasonSubjectKind.Phrase, reason.Subject.Kind);
        Assert.Equal("vardeau", reason.Subject.Phrase);
    }

    [Fact]
    public void A_category_weight_is_never_handed_to_a_masked_concept()
    {
        var (featurizer, profiles) = Fitted(includeSensitive: true);
        var masked = Fitted(includeSensitive: false).Featurizer;
        var allergyColumn = masked.Features.Select((f, i) => (f, i)).First(x => x.f.Subject is CategorySubject { Category: ConceptCategory.Allergy }).i;
        var features = new float[masked.FeatureCount];
        Array.Fill(features, 1f);
        var contributions = new float[masked.FeatureCount];
        contributions[allergyColumn] = 0.9f;
        var reasons = new ReasonBuilder(masked).Explain(Target.Churned, contributions, features, profiles[0]);
        Assert.DoesNotContain(reasons, r => r.Subject.Concept?.Category == ConceptCategory.Allergy);

        var openColumn = featurizer.Features.Select((f, i) => (f, i)).First(x => x.f.Subject is CategorySubject { Category: ConceptCategory.Allergy }).i;
        var openFeatures = new float[featurizer.FeatureCount];
        Array.Fill(openFeatures, 1f);
        var openContributions = new float[featurizer.FeatureCount];
        openContributions[openColumn] = 0.9f;
        var open = new ReasonBuilder(featurizer).Explain(Target.Churned, openContributions, openFeatures, profiles[0]);
        Assert.Contains(open, r => r.Subject.Concept?.Category == ConceptCategory.Allergy);
    }
}
