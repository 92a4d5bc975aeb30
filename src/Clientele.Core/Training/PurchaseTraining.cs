using Clientele.Core.History;

namespace Clientele.Core.Training;

/// <summary>What training from transactions adds: every client's purchases and the BTYD parameters fitted on them up to the cutoff.</summary>
/// <param name="Ledger">The purchases (features read only the days up to the training as-of date).</param>
/// <param name="Btyd">BG/NBD and Gamma-Gamma fitted on data up to the cutoff, saved in the bundle and reused at scoring.</param>
public sealed record PurchaseTraining(PurchaseLedger Ledger, BtydState Btyd);
