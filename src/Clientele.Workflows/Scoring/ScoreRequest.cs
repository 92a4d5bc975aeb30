using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;

namespace Clientele.Workflows.Scoring;

/// <summary>Clients to score with a version's scorer, and what to do with the scores: write a CSV, record them.</summary>
public sealed record ScoreRequest(Scorer Scorer, string Version, IReadOnlyList<ClientProfile> Profiles)
{
    /// <summary>The notes of the profiles, recorded with the clients (only those of scored clients are kept).</summary>
    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>Date recency is measured to; null: the newest note date.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The clients' purchases, for a bundle trained with transactions (it must be given then, and only then).</summary>
    public Core.History.PurchaseLedger? Purchases { get; init; }

    /// <summary>False skips per-client explanations (faster batch scoring).</summary>
    public bool WithReasons { get; init; } = true;

    /// <summary>Where the scores CSV goes: the caller opens the writer (an atomic file, a response body) and runs the body on it.</summary>
    public Action<Action<TextWriter>>? WriteCsv { get; init; }

    /// <summary>Where the scores are recorded; nowhere by default.</summary>
    public StoreAccess Store { get; init; } = StoreAccess.None;

    /// <summary>False records predictions only (the clients are already stored: the nightly rescoring).</summary>
    public bool RecordClients { get; init; } = true;

    /// <summary>
    /// False records the clients' notes without their per-client concept counts (the CLI's default: they were most of
    /// the database, and a client's reasons already name the concepts that matter). The dashboard's concept panels
    /// need them, so the server and <c>demo</c> keep them.
    /// </summary>
    public bool StoreConcepts { get; init; } = true;

    /// <summary>The shard ("k/n") these profiles are, recorded in the run; null: the whole file.</summary>
    public string? Shard { get; init; }

    /// <summary>True records the scoring as a run (the CLI); a host that records its own run (a schedule) leaves it false.</summary>
    public bool RecordRun { get; init; }
}
