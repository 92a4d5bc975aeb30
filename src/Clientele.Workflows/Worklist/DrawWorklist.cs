using Clientele.Core.History;
using Clientele.Core.Occasions;
using Clientele.Core.Worklist;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Worklist;

/// <summary>
/// Draw up a worklist: score the clients as of the date (no model reasons: the worklist writes its own sentence),
/// read their occasions, purchase recency and P(alive), advisors and last logged contacts, apply the playbook, and
/// record both groups' assignments (and advisors given by the caller) in the store.
/// </summary>
public static class DrawWorklist
{
    /// <summary>Runs every step; the store, when there is one, is read before and written after.</summary>
    public static WorklistResult Run(WorklistRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOf;
        // No client who objected or withdrew consent (in the store or in the notes' consent column) is ever on a list.
        IReadOnlySet<string> objected = new HashSet<string>();
        request.Store.Use(store => objected = store.SuppressedClients());
        var (profiles, _) = Privacy.SubjectRights.WithoutSuppressed(request.Profiles, objected);
        var scores = request.Scorer.Score(profiles, request.Purchases, asOf, withReasons: false);
        var btyd = request.Purchases is { } ledger
            ? request.Scorer.Bundle.Featurizer.Purchases ?? (ledger.Rfm(asOf).Count > 0 ? BtydState.Fit(ledger, asOf, new PurchaseWindows()) : null)
            : null;
        var extractor = OccasionExtractor.Builtin;
        var occasions = request.Notes.Where(n => n.Date is not { } d || d <= asOf).SelectMany(extractor.Extract).ToLookup(o => o.ClientId, StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> stored = new Dictionary<string, string>();
        IReadOnlyDictionary<string, DateOnly> contacts = new Dictionary<string, DateOnly>();
        request.Store.Use(store =>
        {
            stored = store.Advisors();
            contacts = store.LastContacts(asOf);
        });
        var advisors = new Dictionary<string, string>(stored, StringComparer.Ordinal);
        foreach (var (id, advisor) in request.Advisors ?? new Dictionary<string, string>())
        {
            advisors[id] = advisor;
        }

        var clients = WorklistClients.From(profiles, scores, request.Scorer.Bundle.Lexicon, occasions, request.Purchases, btyd, asOf, advisors, contacts);
        var result = request.Options.Build(clients, request.Playbook, asOf);
        if (request.Record)
        {
            request.Store.Use(store =>
            {
                if (request.Advisors is { Count: > 0 } given)
                {
                    store.SaveAdvisors(given);
                }

                store.SaveAssignments(result.All.Select(e => new AssignmentRecord(e.ClientId, asOf,
                    e.Control ? WorklistCsv.ControlGroupName : WorklistCsv.ContactGroup, e.Rule, e.Action, e.Due)).ToList());
            });
        }

        return result;
    }
}
