using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Tests.Concepts;
using Clientele.Core.Training;
using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Explanations;

/// <summary>
/// The scorer's reasons (sparse contributions, integer keys, per-worker buffers) against the previous dense,
/// string-keyed computation kept in <see cref="LegacyReasonBuilder"/>, on generated multilingual clients.
/// </summary>
public class ReasonsEquivalenceTests
{
    [Theory]
    [InlineData(Tier.Fast)]
    [InlineData(Tier.Elite)]
    public void Reasons_equal_the_dense_string_keyed_reasons(Tier tier)
    {
        var lexicon = LexiconCsv.LoadBuiltin();
        var matcher = ConceptMatcher.Build(lexicon);
        var profiles = ProfileBuilder.FromNotes(matcher, GeneratedNotes.Read(600, 21));
        var labels = SmartLabeler.Label(profiles, lexicon, 42);
        var trained = Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = tier, Seed = 42 });
        var bundle = ModelBundle.FromTraining(trained, 42, "test", ReportJson.Build(trained.Report), DateTimeOffset.UnixEpoch);
        var scored = new Scorer(bundle).Score(profiles);

        var legacy = new LegacyReasonBuilder(trained.Featurizer);
        var asOf = profiles.Select(p => p.LastDate).Max();
        var rows = FeatureMatrix.Build(trained.Featurizer, profiles, asOf);
        var nonEmpty = 0;
        for (var i = 0; i < profiles.Count; i++)
        {
            var parts = new List<string>();
            foreach (var target in Targets.All)
            {
                var model = trained.Models[target];
                var buffer = new float[model.Forest!.FeatureCount];
                Assert.True(model.Contributions(rows[i], buffer));
                var text = legacy.Build(buffer, rows[i], profiles[i]);
                if (text.Length > 0)
                {
                    parts.Add((target switch { Target.Purchased => "purchase", Target.Churned => "churn", _ => "value" }) + ": " + text);
                }
            }

            var expected = string.Join("; ", parts);
            Assert.Equal(expected, scored[i].Reasons);
            nonEmpty += expected.Length > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty > profiles.Count / 2);
    }
}
