using Clientele.Core.Concepts;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Worklist;
using Clientele.Storage.Store;
using Clientele.Workflows.Notes;

namespace Clientele.Workflows.Worklist;

/// <summary>
/// The worklist of the clients in a store (what the server shows): every stored note read back, profiles built with
/// the active model's matcher, then <see cref="DrawWorklist"/> without recording (a look at the list writes nothing).
/// </summary>
public static class StoredWorklist
{
    public static WorklistResult Run(IClienteleStore store, Scorer scorer, ConceptMatcher matcher, DateOnly asOf, Playbook playbook, WorklistOptions options,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(store);
        var notes = StoredNotes.ReadAll(store, token).Where(n => n.Date is not { } d || d <= asOf).ToList();
        var profiles = ProfileBuilder.FromNotes(matcher, notes);
        token.ThrowIfCancellationRequested();
        // The stored purchases give days since purchase and P(alive) to the rules; a bundle trained with them needs them.
        var purchases = scorer.Bundle.Featurizer.Purchases is null ? Purchases.StoredTransactions.Ledger(store) : Purchases.StoredTransactions.ForScoring(store, scorer.Bundle, profiles.Select(p => p.ClientId).ToList());
        return DrawWorklist.Run(new WorklistRequest(scorer, profiles, notes, asOf, playbook, options) { Store = StoreAccess.Shared(store), Record = false, Purchases = purchases });
    }
}
