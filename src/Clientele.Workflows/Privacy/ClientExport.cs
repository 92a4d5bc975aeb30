using Clientele.Storage.Store;

namespace Clientele.Workflows.Privacy;

/// <summary>
/// Everything the store holds about one client (a GDPR subject access answer): the client row, its consent state,
/// notes, detected concepts, purchase transactions, every prediction with its reasons and the model version behind it, and the audit
/// entries about it. Scores a version was not trained for are null.
/// </summary>
public sealed record ClientExport(
    int Format,
    DateTimeOffset ExportedAt,
    ClientRecord Client,
    ConsentRecord? Consent,
    IReadOnlyList<NoteRecord> Notes,
    IReadOnlyList<ConceptRecord> Concepts,
    IReadOnlyList<ExportedPrediction> Predictions,
    IReadOnlyList<ExportedModel> Models,
    IReadOnlyList<AuditRecord> Audit)
{
    /// <summary>The client's purchases and returns, oldest first.</summary>
    public IReadOnlyList<ExportedTransaction> Transactions { get; init; } = [];
}
