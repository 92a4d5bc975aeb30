namespace Clientele.Storage.Store;

/// <summary>
/// The writes of one scoring run (or one shard of it), staged until <see cref="Publish"/> makes all of them
/// visible in one step, together with the run's record. Disposing without publishing discards them, and so does a
/// process killed half-way: readers never see a half-published run, nor clients without their predictions.
/// Predictions are keyed on (client, model version, as-of): publishing the same scoring again replaces its rows,
/// so a rerun (a shard retried after a kill) leaves the same rows and history stays one row per scoring.
/// </summary>
public interface IScoringWriter : IDisposable
{
    /// <summary>Stages one batch. Its notes and concepts must belong to its clients (ArgumentException otherwise).</summary>
    void Add(ScoredBatch batch);

    /// <summary>Publishes everything staged and records <paramref name="run"/> (when given), in one transaction. Once only.</summary>
    void Publish(RunRecord? run);
}
