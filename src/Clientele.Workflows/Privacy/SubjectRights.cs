using Clientele.Core.Profiles;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Privacy;

/// <summary>
/// The data subject's rights, the same from the command line and the server: erasure (art. 17), access (art. 15)
/// and objection to profiling (art. 21). Auditing is the caller's: it knows who asked and from where.
/// </summary>
public static class SubjectRights
{
    /// <summary>Version of the export document's shape; a reader refuses a newer one.</summary>
    public const int ExportFormat = 1;

    /// <summary>What an erasure removed and which versions were trained with clients erased since (to retrain).</summary>
    public sealed record Erasure(ErasureRecord Removed, IReadOnlyDictionary<string, int> VersionsToRetrain);

    /// <summary>Erases the client and lists the bundles that still carry erased clients.</summary>
    public static Erasure Forget(IClienteleStore store, string clientId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        var removed = store.ForgetClient(clientId, at);
        return new Erasure(removed, store.ErasedMembersByVersion());
    }

    /// <summary>Everything held about the client; null when the store holds neither its notes nor its purchases.</summary>
    public static ClientExport? Export(IClienteleStore store, string clientId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        var transactions = store.GetTransactions(clientId);
        // A client known only by its purchases is still a client (the store says so): its export holds what is kept.
        var client = store.GetClient(clientId);
        if (client is null)
        {
            return null;
        }

        var history = store.GetPredictionHistory(clientId);
        var versions = store.ListModelVersions().ToDictionary(v => v.Version, StringComparer.Ordinal);
        var models = history.Select(h => h.ModelVersion).Distinct(StringComparer.Ordinal)
            .Select(v => versions.TryGetValue(v, out var m) ? new ExportedModel(v, m.Tier, m.CreatedAt) : new ExportedModel(v, null, null))
            .ToList();
        var predictions = history.Select(h => new ExportedPrediction(h.ModelVersion, h.ScoredAt, Finite(h.Score.PurchaseProb), h.Score.WillPurchase,
            Finite(h.Score.ChurnRisk), h.Score.WillChurn, Finite(h.Score.PredictedClv), h.Score.ValueSegment, h.Score.RiskSegment, h.Score.Reasons)).ToList();
        return new ClientExport(ExportFormat, at, client, store.GetConsent(clientId), store.GetNotes(clientId), store.GetConcepts(clientId),
            predictions, models, store.ListAuditAbout(clientId))
        {
            Transactions = transactions.Select(ExportedTransaction.From).ToList(),
        };
    }

    /// <summary>Records the client's consent state; false when the state is not one of <see cref="ConsentStates.All"/>.</summary>
    public static bool SetConsent(IClienteleStore store, string clientId, string state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!ConsentStates.All.Contains(state))
        {
            return false;
        }

        store.SetConsent(clientId, state, at);
        return true;
    }

    /// <summary>
    /// The profiles to score and how many were left out because their client objected or withdrew consent: the
    /// filter every scoring path runs first, so a suppressed client is never scored, listed or exported to campaigns.
    /// </summary>
    public static (List<T> Kept, int Suppressed) WithoutSuppressed<T>(IReadOnlyList<T> items, Func<T, string> clientId, IReadOnlySet<string> suppressed)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(suppressed);
        if (suppressed.Count == 0)
        {
            return (items.ToList(), 0);
        }

        var kept = items.Where(i => !suppressed.Contains(clientId(i))).ToList();
        return (kept, items.Count - kept.Count);
    }

    /// <summary>
    /// The profiles to score and how many were left out: those whose client objected or withdrew in the store, and those
    /// whose latest note states so in the file's <c>consent</c> column. A grant in the file does not lift an objection
    /// recorded in the store: that takes <c>consent --grant</c>, an explicit and audited act.
    /// </summary>
    public static (List<ClientProfile> Kept, int Suppressed) WithoutSuppressed(IReadOnlyList<ClientProfile> profiles, IReadOnlySet<string> stored)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(stored);
        var kept = profiles.Where(p => !stored.Contains(p.ClientId) && !ConsentStates.Suppresses(p.Consent)).ToList();
        return (kept, profiles.Count - kept.Count);
    }

    /// <summary>
    /// Records in the store the withdrawals and objections the notes file states (its <c>consent</c> column), so every
    /// later scoring of the store (nightly, worklist) honours them too, each audited as <c>consent</c> by
    /// <paramref name="actor"/>; returns how many were recorded. Grants are not recorded (see <see cref="WithoutSuppressed(IReadOnlyList{ClientProfile}, IReadOnlySet{string})"/>).
    /// </summary>
    public static int RecordStatedConsent(IClienteleStore store, IReadOnlyList<ClientProfile> profiles, string? actor, string? remote, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profiles);
        var stored = store.SuppressedClients();
        var recorded = 0;
        foreach (var p in profiles.Where(p => ConsentStates.Suppresses(p.Consent) && !stored.Contains(p.ClientId)))
        {
            store.SetConsent(p.ClientId, p.Consent!, at);
            store.AppendAudit(new AuditRecord(at, actor, "consent", p.ClientId, remote, p.Consent!));
            recorded++;
        }

        return recorded;
    }

    private static double? Finite(double value) => double.IsNaN(value) ? null : value;
}
