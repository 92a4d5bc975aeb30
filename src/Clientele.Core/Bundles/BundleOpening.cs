using Clientele.Core.Concepts;
using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Training;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Bundles;

/// <summary>
/// A bundle being loaded (<see cref="ModelBundle.Open"/>): its metadata, lexicon and concept matcher are there, the
/// featurizer and the models are read by <see cref="Finish"/>. A scoring run reads its notes with the matcher while
/// another thread finishes, instead of reading the notes after the whole bundle (measured in docs/BENCHMARKS.md).
/// </summary>
public sealed class BundleOpening
{
    private readonly IBundleSource _source;
    private readonly string _name;
    private readonly Lazy<ConceptMatcher> _matcher;
    private readonly Lazy<ModelBundle> _finished;

    internal BundleOpening(IBundleSource source, string name, BundleMetadata metadata)
    {
        _source = source;
        _name = name;
        Metadata = metadata;
        // The matcher's part is checked here, so a damaged part fails the opening, and read on the pool while the
        // lexicon is parsed; it is bound to the lexicon there too (or built, for a bundle without a usable part).
        // Both are lazies the pool only starts: whoever needs the matcher first runs what has not begun itself. Waiting
        // on a queued pool task instead starved a loaded server: every request thread blocked on the matcher while the
        // read sat in the queue behind them, until the pool had injected a thread per request (~15 s for 32).
        var bytes = source.Exists(ModelBundle.MatcherFile) ? Read(ModelBundle.MatcherFile) : null;
        var part = name + "/" + ModelBundle.MatcherFile;
        var saved = new Lazy<ConceptMatcher.Saved?>(() => bytes is null ? null : ConceptMatcher.ReadSaved(bytes, part));
        if (bytes is not null)
        {
            _ = Task.Run(() => saved.Value);
        }

        using var lexiconReader = new StreamReader(new MemoryStream(Read(ModelBundle.LexiconFile)));
        var loaded = LexiconCsv.Load(lexiconReader, ModelBundle.LexiconFile);
        var lexicon = new ConceptLexicon(metadata.LexiconName, loaded.Concepts);
        Lexicon = lexicon;
        _matcher = new Lazy<ConceptMatcher>(() =>
            (saved.Value is { } s ? ConceptMatcher.FromSaved(s, lexicon, NegationCues.LoadBuiltin()) : null)
            ?? ConceptMatcher.Build(lexicon));
        _ = Task.Run(() => _matcher.Value);
        _finished = new Lazy<ModelBundle>(ReadModels);
    }

    /// <summary>The bundle's metadata, verified.</summary>
    public BundleMetadata Metadata { get; }

    /// <summary>The bundle's lexicon.</summary>
    public ConceptLexicon Lexicon { get; }

    /// <summary>The concept matcher of the lexicon: loaded from the bundle's part, else built.</summary>
    public ConceptMatcher Matcher => _matcher.Value;

    /// <summary>Reads the featurizer and the models (once); any damage is a clear <see cref="ClienteleInputException"/>.</summary>
    public ModelBundle Finish() => _finished.Value;

    private ModelBundle ReadModels()
    {
        var featurizer = Featurizer.Load(new MemoryStream(Read(ModelBundle.FeaturizerFile)), Lexicon, _name + "/" + ModelBundle.FeaturizerFile);
        var models = new Dictionary<Target, TargetModel>();
        foreach (var group in Metadata.Members.GroupBy(m => m.Target))
        {
            var target = Targets.Parse(group.Key) ?? throw new ClienteleInputException(_name, null, null, Messages.BundleDamaged + $" (unknown target '{group.Key}')");
            var members = new List<EnsembleMember>();
            foreach (var entry in group)
            {
                var learner = LearnerRegistry.Resolve(entry.Kind, _name);
                var calibration = entry.PlattA is { } a && entry.PlattB is { } b ? new PlattCalibrator(a, b) : PlattCalibrator.Identity;
                var bytes = Read(entry.File);
                var member = LearnerRegistry.Load(learner, new MemoryStream(bytes), target, new LabelScaling(entry.LabelMean, entry.LabelScale), _name, entry.File);
                members.Add(new EnsembleMember(member, calibration) { Weight = entry.Weight });
            }

            models[target] = new TargetModel(target, members);
        }

        return ModelBundle.Loaded(featurizer, models, Metadata, _matcher);
    }

    private byte[] Read(string part) => ModelBundle.ReadPart(_source, Metadata, _name, part);
}
