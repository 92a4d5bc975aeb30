using System.Globalization;
using System.Text;
using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Tests.Concepts;
using Clientele.Core.Training;

namespace Clientele.Core.Tests.Explanations;

/// <summary>
/// The scorer's reasons on generated multilingual clients, Fast and Elite, two seeds, pinned byte for byte against
/// <c>reasons.golden.txt</c> (recorded before reasons became typed records): a change of shape must not change a
/// single reason. A change meant to alter reasons re-records the file (<c>CLIENTELE_RECORD_GOLDEN=1</c>) and
/// explains each difference in its commit.
/// </summary>
public class ReasonsGoldenTests
{
    private const string FileName = "reasons.golden.txt";

    private static readonly (Tier Tier, int Seed)[] Runs = [(Tier.Fast, 21), (Tier.Elite, 21), (Tier.Fast, 7), (Tier.Elite, 7)];

    [Fact]
    public void Reasons_on_generated_notes_are_byte_identical_to_the_recorded_ones()
    {
        var actual = Render();
        var path = Path.Combine(Here(), FileName);
        if (Environment.GetEnvironmentVariable("CLIENTELE_RECORD_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}");
        var expected = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        var lines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            Assert.True(i < expected.Length && i < lines.Length && expected[i] == lines[i],
                $"{FileName} differs at line {i + 1}:\n  expected: {(i < expected.Length ? expected[i] : "<end>")}\n  actual:   {(i < lines.Length ? lines[i] : "<end>")}");
        }
    }

    /// <summary>One section per run (<c># tier seed</c>), then one <c>client_id\treasons</c> line per client.</summary>
    private static string Render()
    {
        var lexicon = LexiconCsv.LoadBuiltin();
        var matcher = ConceptMatcher.Build(lexicon);
        var sb = new StringBuilder();
        foreach (var (tier, seed) in Runs)
        {
            var profiles = ProfileBuilder.FromNotes(matcher, GeneratedNotes.Read(400, seed));
            var labels = SmartLabeler.Label(profiles, lexicon, seed);
            var trained = Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = tier, Seed = seed });
            var bundle = ModelBundle.FromTraining(trained, seed, "test", ReportJson.Build(trained.Report), DateTimeOffset.UnixEpoch);
            sb.Append("# ").Append(tier).Append(' ').Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var score in new Scorer(bundle).Score(profiles))
            {
                sb.Append(score.ClientId).Append('\t').Append(score.Reasons).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Here() => Clientele.TestKit.RepoPaths.Of("tests", "Clientele.Core.Tests", "Explanations");
}
