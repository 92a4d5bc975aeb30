using Clientele.Core.Errors;
using Clientele.Core.History;
using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Workflows.Training;

/// <summary>
/// The production setup of training from transactions: one cutoff C = as-of − the longest window; features of
/// the clients known at C (notes dated up to C, purchases up to C, BTYD fitted on data up to C) and the outcomes
/// that followed C up to the as-of date. A labels file wins for the targets it has.
/// </summary>
public sealed record PurchaseTrainingSet(DateOnly AsOf, DateOnly Cutoff, PurchaseWindows Windows, ClientsAsOf Training, LabelSet Labels, PurchaseTraining Purchases)
{
    /// <summary>Builds the set; no purchase up to the cutoff is an error naming the cutoff (nothing to fit the BTYD models on).</summary>
    public static PurchaseTrainingSet Prepare(PurchaseData data, DateOnly asOf, PurchaseWindows windows, LabelSet? file = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(windows);
        var cutoff = windows.Cutoff(asOf);
        if (data.Ledger.Rfm(cutoff).Count == 0)
        {
            throw new ClienteleInputException(data.Source, null, null, HistoryMessages.CutoffBeforeData(cutoff, windows.Longest));
        }

        var btyd = BtydState.Fit(data.Ledger, cutoff, windows, data.Source);
        var training = ClientsAsOf.Of(data, cutoff);
        var derived = TransactionOutcomes.Derive(data.Ledger, training.Profiles.Select(p => p.ClientId), cutoff, windows);
        return new PurchaseTrainingSet(asOf, cutoff, windows, training, TransactionOutcomes.Overlay(derived, file), new PurchaseTraining(data.Ledger, btyd));
    }

    /// <summary>The fit request: the set's profiles and labels, the trainer's options with the as-of moved to the cutoff.</summary>
    public TrainModelsRequest Request(PurchaseData data, TrainingOptions options, Core.Labels.HoldoutSplit? holdout = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return new TrainModelsRequest(Training.Profiles, data.Lexicon, Labels, holdout, options with { AsOf = Cutoff }) { Purchases = Purchases };
    }
}
