using Clientele.Core.History;
using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Worklist;

namespace Clientele.Workflows.Worklist;

/// <summary>
/// What a worklist is drawn from: a scorer, the clients' profiles and notes (the occasions are read from them), the
/// as-of date, the playbook and the options; optionally purchases, advisors given by the caller (a file), and a store
/// for advisors, contacts and the record of the assignments.
/// </summary>
public sealed record WorklistRequest(Scorer Scorer, IReadOnlyList<ClientProfile> Profiles, IReadOnlyList<Note> Notes, DateOnly AsOf, Playbook Playbook,
    WorklistOptions Options)
{
    /// <summary>The clients' purchases (days since the last purchase, P(alive)); null without transactions.</summary>
    public PurchaseLedger? Purchases { get; init; }

    /// <summary>Advisors of clients given by the caller; they win over the store's and are saved in it.</summary>
    public IReadOnlyDictionary<string, string>? Advisors { get; init; }

    /// <summary>Where advisors and contacts are read and the assignments recorded.</summary>
    public StoreAccess Store { get; init; } = StoreAccess.None;

    /// <summary>False for a read-only look (the API's GET): nothing is written to the store.</summary>
    public bool Record { get; init; } = true;
}
