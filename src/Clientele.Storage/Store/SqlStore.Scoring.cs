using System.Data.Common;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    public IScoringWriter BeginScoring(DateOnly asOf) => CreateScoringWriter(asOf);

    /// <summary>The engine's scoring writer: its staging area, published in one step (see <see cref="IScoringWriter"/>).</summary>
    private protected abstract IScoringWriter CreateScoringWriter(DateOnly asOf);

    /// <summary>Checks a batch before anything of it is written.</summary>
    internal static void RequireOwned(ScoredBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = batch.Clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        RequireInBatch(ids, batch.Notes.Select(n => n.ClientId), "note");
        RequireInBatch(ids, batch.Concepts.Select(c => c.ClientId), "concept");
    }
}
