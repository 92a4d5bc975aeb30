using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Workflows.Training;

/// <summary>Labels (real, else smart with the training seed) and fitted models for one tier; nothing is saved.</summary>
public static class TrainModels
{
    /// <summary>The labels training uses: the real ones when given, smart labels from the notes otherwise.</summary>
    public static LabelSet Labels(TrainModelsRequest request) =>
        request.Labels ?? SmartLabeler.Label(request.Profiles, request.Lexicon, request.Options.Seed);

    /// <summary>Fits the models; the stage times in <paramref name="seconds"/> join the report's own (which win on a clash).</summary>
    public static TrainedModel Run(TrainModelsRequest request, IProgress<string>? progress, IDictionary<string, double>? seconds = null)
    {
        var trained = Trainer.Train(request.Profiles, request.Lexicon, Labels(request), request.Holdout, request.Options, request.Purchases, progress);
        foreach (var (stage, s) in seconds ?? new Dictionary<string, double>())
        {
            trained.Report.Seconds.TryAdd(stage, s);
        }

        return trained;
    }
}
