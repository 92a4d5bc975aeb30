using Clientele.Core.Concepts;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;

namespace Clientele.Core.Tests.Explanations;

/// <summary>The reason builder reads what a feature is about from its typed subject: one column's weight at a time.</summary>
public class ReasonBuilderTests
{
    private const string Notes = "ID,Transcription\n" +
        "A,Looking for a birthday gift. Budget 3-5K. 45 years old. Elle hésite.\n" +
        "B,\"Cherche un cadeau d'anniversaire, urgent.\"\n" +
        "C,\"Wants an exclusive piece, hesitant.\"\n" +
        "D,\"Golf only, looking for a bag.\"\n";

    private static (Featurizer Featurizer, IReadOnlyList<ClientProfile> Profiles, float[][] Rows) Fit(ConceptLexicon lexicon)
    {
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon), TestData.NotesCsv(Notes));
        var featurizer = (FeaturizerOptions.Fast with { MinDocumentFrequency = 1, MaxDocumentShare = 1 }).Fit(profiles, lexicon);
        return (featurizer, profiles, FeatureMatrix.Build(featurizer, profiles, null));
    }

    private static IReadOnlyList<Reason> Explain(Featurizer featurizer, float[] row, ClientProfile profile, string feature, float weight)
    {
        var contributions = new float[featurizer.FeatureCount];
        contributions[featurizer.Features.Select(f => f.Name).ToList().IndexOf(feature)] = weight;
        return new ReasonBuilder(featurizer).Explain(Target.Churned, contributions, row, profile);
    }

    [Theory]
    [InlineData("fact:budget_low_k", ReasonSubjectKind.Budget)]
    [InlineData("fact:budget_mid_k", ReasonSubjectKind.Budget)]
    [InlineData("fact:age", ReasonSubjectKind.Age)]
    [InlineData("history:note_count", ReasonSubjectKind.MeetingCount)]
    public void A_fact_or_history_column_speaks_for_its_subject(string feature, ReasonSubjectKind kind)
    {
        var (featurizer, profiles, rows) = Fit(TestData.Lexicon());
        var reason = Assert.Single(Explain(featurizer, rows[0], profiles[0], feature, -0.25f));
        Assert.Equal(new Reason(Target.Churned, new ReasonSubject(kind), -0.25f), reason);
    }

    [Fact]
    public void A_missing_flag_explains_nothing()
    {
        var (featurizer, profiles, rows) = Fit(TestData.Lexicon());
        Assert.Empty(Explain(featurizer, rows[1], profiles[1], "fact:budget_missing", 0.5f));
        Assert.Empty(Explain(featurizer, rows[1], profiles[1], "fact:age_missing", 0.5f));
    }

    [Fact]
    public void A_category_weight_is_shared_by_the_clients_concepts_of_that_category()
    {
        var lexicon = TestData.Lexicon();
        var (featurizer, profiles, rows) = Fit(lexicon);
        var reason = Assert.Single(Explain(featurizer, rows[2], profiles[2], "has:luxury", 0.5f));
        Assert.Equal(ReasonSubject.Of(lexicon.Concepts[lexicon.IndexOf("luxury.exclusive")]), reason.Subject);
        Assert.Equal(0.5, reason.Weight);
    }

    [Fact]
    public void A_term_weight_goes_to_its_concepts()
    {
        var lexicon = TestData.Lexicon();
        var (featurizer, profiles, rows) = Fit(lexicon);
        var reason = Assert.Single(Explain(featurizer, rows[0], profiles[0], "term:hesitation", 0.2f));
        Assert.Equal(ReasonSubjectKind.Concept, reason.Subject.Kind);
        Assert.Equal("hesitation", reason.Subject.Concept!.Id);
    }

    [Fact]
    public void A_concept_labelled_like_a_fact_shares_the_facts_reason_and_shows_its_value()
    {
        var lexicon = new ConceptLexicon("ages", [.. TestData.Lexicon().Concepts, new Concept("age.word", "age", "other", ["years old"])]);
        var (featurizer, profiles, rows) = Fit(lexicon);
        var contributions = new float[featurizer.FeatureCount];
        contributions[featurizer.Features.Select(f => f.Name).ToList().IndexOf("fact:age")] = 0.25f;
        contributions[featurizer.Features.Select(f => f.Name).ToList().IndexOf("term:age.word")] = 0.25f;

        var reason = Assert.Single(new ReasonBuilder(featurizer).Explain(Target.Purchased, contributions, rows[0], profiles[0]));
        Assert.Equal(new ReasonSubject(ReasonSubjectKind.Age), reason.Subject);
        Assert.Equal(0.5, reason.Weight);
        Assert.Equal("+ age 45", new ReasonBuilder(featurizer).Build(contributions, rows[0], profiles[0]));
    }
}
