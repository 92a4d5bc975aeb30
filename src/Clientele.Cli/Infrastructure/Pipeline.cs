using System.Diagnostics;
using Clientele.Core.Concepts;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Training;

namespace Clientele.Cli.Infrastructure;

/// <summary>The read → detect → profile → label → train path the verbs share.</summary>
public static class Pipeline
{
    /// <summary>Reads notes and builds profiles, timing each stage into <paramref name="seconds"/>.</summary>
    public static (IReadOnlyList<ClientProfile> Profiles, ConceptLexicon Lexicon, List<Core.Ingest.Note> Notes) Profiles(NotesSettings s, IProgress<string> progress, IDictionary<string, double> seconds, ConceptLexicon? lexicon = null)
    {
        var clock = Stopwatch.StartNew();
        progress.Report("lexicon");
        lexicon ??= Inputs.Lexicon(s.Lexicon);
        var matcher = ConceptMatcher.Build(lexicon);
        seconds["lexicon"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        progress.Report("read notes");
        var (notes, report) = Inputs.Notes(s.Notes!, s.CsvOptions);
        Inputs.Tell(report);
        seconds["ingest"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        progress.Report($"detect concepts in {notes.Count:N0} notes");
        var profiles = ProfileBuilder.FromNotes(matcher, notes);
        seconds["detect"] = clock.Elapsed.TotalSeconds;
        return (profiles, lexicon, notes);
    }

    /// <summary>Trains one tier on profiles, with real labels when given, smart labels otherwise.</summary>
    public static TrainedModel Train(TrainingSettings s, Tier tier, IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, IProgress<string> progress, IDictionary<string, double> seconds)
    {
        var labels = s.Labels is null ? SmartLabeler.Label(profiles, lexicon, s.Seed) : Inputs.Labels(s.Labels);
        var known = profiles.Count(p => labels.For(p.ClientId) is not null);
        if (known == 0)
        {
            throw new Core.Errors.ClienteleInputException(s.Labels ?? "labels", null, null, "no client of the notes file has a label row (client ids do not match)");
        }

        var holdout = s.Holdout is null ? null : Inputs.Holdout(s.Holdout);
        var trained = Trainer.Train(profiles, lexicon, labels, holdout, new TrainingOptions { Tier = tier, Seed = s.Seed, Folds = s.Folds, AsOf = s.AsOfDate, ClassWeights = s.ClassWeighting }, progress);
        foreach (var (k, v) in seconds)
        {
            trained.Report.Seconds.TryAdd(k, v);
        }

        return trained;
    }
}
