using System.Globalization;
using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Training;
using Clientele.Synthetic;
using Clientele.TestKit;
using Xunit.Abstractions;

namespace Clientele.Core.Tests.Explanations;

/// <summary>
/// Issue 17 item 4: on generated notes, whose label drivers the generator knows, at least 90 % of the reasons shown
/// name a true driver with its sign, and at least 80 % of clients still get a reason per target, for both tiers
/// (purchase: see <see cref="Floor"/>).
/// Trained on one generated population (its own labels), measured on another (a different seed).
/// </summary>
public class ReasonFaithfulnessTests(ITestOutputHelper output)
{
    internal const int TrainClients = 1500;
    internal const int ScoredClients = 600;
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    [Theory]
    [InlineData(Tier.Fast, ReasonMethod.Saabas, 42)]
    [InlineData(Tier.Elite, ReasonMethod.Saabas, 42)]
    [InlineData(Tier.Fast, ReasonMethod.TreeShap, 42)]
    [InlineData(Tier.Elite, ReasonMethod.TreeShap, 42)]
    [InlineData(Tier.Fast, ReasonMethod.Saabas, 7)]
    [InlineData(Tier.Elite, ReasonMethod.Saabas, 7)]
    [InlineData(Tier.Fast, ReasonMethod.TreeShap, 7)]
    [InlineData(Tier.Elite, ReasonMethod.TreeShap, 7)]
    public void Reasons_name_a_true_driver_with_its_sign_at_least_90_percent_of_the_time(Tier tier, ReasonMethod method, int seed)
    {
        var (figures, misses) = MeasureWithMisses(tier, trainSeed: seed, scoreSeed: seed + 1, method);
        foreach (var (target, f) in figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tier} {method} seed {seed} {target}: {f.Faithful} of {f.Shown} reasons faithful = {f.Share:P1}; clients with a reason {f.Covered} of {f.Clients} = {f.Coverage:P1}"));
        }

        foreach (var (target, list) in misses)
        {
            output.WriteLine($"{tier} {method} {target} misses: " + string.Join("; ", list.Take(6).Select(m => $"{m.Miss} ({m.Count})")));
        }

        var shown = figures.Values.Sum(f => f.Shown);
        var overall = (double)figures.Values.Sum(f => f.Faithful) / shown;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tier} {method} seed {seed} overall: {overall:P1} of {shown} reasons"));
        Assert.True(overall >= 0.90, string.Create(CultureInfo.InvariantCulture, $"{tier}: {overall:P1} of all reasons shown faithful, below 90 %"));
        foreach (var (target, f) in figures)
        {
            var floor = Floor(target);
            Assert.True(f.Share >= floor, string.Create(CultureInfo.InvariantCulture, $"{tier} {target}: {f.Share:P1} of reasons faithful, below {floor:P0}"));
            Assert.True(f.Coverage >= 0.80, string.Create(CultureInfo.InvariantCulture, $"{tier} {target}: {f.Coverage:P1} of clients have a reason"));
        }
    }

    /// <summary>
    /// The 90 % holds over all reasons shown per tier, and for churn and value alone. Purchase alone does not
    /// reach it on every population (measured 86.9–89.8 % with Saabas, 88.4–91.1 % with TreeSHAP over two seeds: the
    /// forests credit the stated budget against its true sign, because a client who states no figure is often a
    /// no-limit one, and lean on hobbies, whose mention the generator makes rarer for clients with many signals — see
    /// docs/BENCHMARKS.md); its floor pins the measured figure so it cannot fall back.
    /// </summary>
    private static double Floor(Target target) => target == Target.Purchased ? 0.85 : 0.90;

    /// <summary>Trains <paramref name="tier"/> on <see cref="TrainClients"/> generated clients and measures the reasons of another population.</summary>
    internal static IReadOnlyDictionary<Target, ReasonFaithfulness.Figure> Measure(Tier tier, int trainSeed, int scoreSeed, ReasonMethod method = Defaults.ReasonMethod) =>
        MeasureWithMisses(tier, trainSeed, scoreSeed, method).Figures;

    private static (IReadOnlyDictionary<Target, ReasonFaithfulness.Figure> Figures, IReadOnlyDictionary<Target, IReadOnlyList<(string Miss, int Count)>> Misses) MeasureWithMisses(
        Tier tier, int trainSeed, int scoreSeed, ReasonMethod method)
    {
        var lexicon = LexiconCsv.LoadBuiltin();
        var matcher = ConceptMatcher.Build(lexicon);
        var (trainProfiles, labels) = Generated(matcher, new GeneratorOptions(TrainClients, Seed: trainSeed));
        var trained = Trainer.Train(trainProfiles, lexicon, labels, null, new TrainingOptions { Tier = tier, Seed = trainSeed, AsOf = AsOf });
        var bundle = ModelBundle.FromTraining(trained, trainSeed, "faithfulness", ReportJson.Build(trained.Report), DateTimeOffset.UnixEpoch);
        var scoring = new GeneratorOptions(ScoredClients, Seed: scoreSeed);
        var (profiles, _) = Generated(matcher, scoring);
        var scores = new Scorer(bundle) { ReasonMethod = method }.Score(profiles, AsOf);
        var faithfulness = new ReasonFaithfulness(NotesGenerator.Signals(scoring), lexicon);
        return (faithfulness.Measure(scores), Targets.All.ToDictionary(t => t, t => faithfulness.Misses(scores, t)));
    }

    private static (IReadOnlyList<ClientProfile> Profiles, LabelSet Labels) Generated(ConceptMatcher matcher, GeneratorOptions options)
    {
        var notes = new StringWriter(CultureInfo.InvariantCulture);
        var labels = new StringWriter(CultureInfo.InvariantCulture);
        NotesGenerator.Write(options, notes, labels);
        using var notesReader = new StringReader(notes.ToString());
        var profiles = ProfileBuilder.FromNotes(matcher, NotesCsv.ReadAll(notesReader, "notes.csv", new IngestReport("notes.csv")));
        using var labelsReader = new StringReader(labels.ToString());
        return (profiles, LabelsCsv.Read(labelsReader, "labels.csv", new IngestReport("labels.csv")));
    }
}
