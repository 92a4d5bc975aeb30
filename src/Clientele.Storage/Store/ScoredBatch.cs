using Clientele.Core.Ingest;

namespace Clientele.Storage.Store;

/// <summary>
/// One batch of a scoring run: the clients with the notes and concepts that replace their stored ones, and the
/// predictions. Clients may be empty (a rescoring of stored clients: predictions only); concepts may be empty
/// (they are stored only when asked), and stored concepts of these clients are removed then, since they were
/// detected in the notes being replaced.
/// </summary>
public sealed record ScoredBatch(
    IReadOnlyList<ClientRecord> Clients,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<ConceptRecord> Concepts,
    IReadOnlyList<PredictionRecord> Predictions);
