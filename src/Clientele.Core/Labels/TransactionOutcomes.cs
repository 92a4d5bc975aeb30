using Clientele.Core.History;

namespace Clientele.Core.Labels;

/// <summary>
/// Real outcomes from what clients bought after a cutoff C: purchased = at least one purchase day in
/// (C, C + horizon]; churned = no purchase day in (C, C + churn window], only for a client who had bought on or
/// before C (one who never bought cannot be lost, so has no churn label); lifetime value = net spend in
/// (C, C + value window]. A labels file, when given, wins for the targets it has (<see cref="Overlay"/>).
/// </summary>
public static class TransactionOutcomes
{
    /// <summary>The source name of derived labels, in reports.</summary>
    public const string SourceName = "transactions";

    /// <summary>Outcomes after <paramref name="cutoff"/> for every client of <paramref name="clientIds"/>.</summary>
    public static LabelSet Derive(PurchaseLedger ledger, IEnumerable<string> clientIds, DateOnly cutoff, PurchaseWindows windows)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clientIds);
        ArgumentNullException.ThrowIfNull(windows);
        var labels = new Dictionary<string, ClientLabels>(StringComparer.Ordinal);
        foreach (var id in clientIds)
        {
            labels[id] = For(ledger.For(id), cutoff, windows);
        }

        return new LabelSet(SourceName, labels);
    }

    /// <summary>One client's outcomes after <paramref name="cutoff"/> (a client without transactions bought nothing).</summary>
    public static ClientLabels For(ClientPurchases? purchases, DateOnly cutoff, PurchaseWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (purchases is null)
        {
            return new ClientLabels(false, null, 0.0);
        }

        var purchased = purchases.PurchaseDays(cutoff, cutoff.AddDays(windows.HorizonDays)) > 0;
        bool? churned = purchases.BoughtBy(cutoff) ? purchases.PurchaseDays(cutoff, cutoff.AddDays(windows.ChurnDays)) == 0 : null;
        return new ClientLabels(purchased, churned, purchases.NetSpend(cutoff, cutoff.AddDays(windows.ValueDays)));
    }

    /// <summary>Derived outcomes with every target <paramref name="file"/> has for a client replaced by the file's value.</summary>
    public static LabelSet Overlay(LabelSet derived, LabelSet? file)
    {
        ArgumentNullException.ThrowIfNull(derived);
        if (file is null)
        {
            return derived;
        }

        var merged = new Dictionary<string, ClientLabels>(derived.ByClient, StringComparer.Ordinal);
        foreach (var (id, given) in file.ByClient)
        {
            merged[id] = merged.TryGetValue(id, out var d)
                ? new ClientLabels(given.Purchased ?? d.Purchased, given.Churned ?? d.Churned, given.LifetimeValue ?? d.LifetimeValue)
                : given;
        }

        return new LabelSet(file.Source + "+" + SourceName, merged);
    }
}
