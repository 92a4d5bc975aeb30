namespace Clientele.Core.Labels;

/// <summary>Labels per client id, with where they came from ("file" or "smart").</summary>
public sealed class LabelSet(string source, IReadOnlyDictionary<string, ClientLabels> byClient)
{
    /// <summary>"smart" for rule-based labels, otherwise the labels file name.</summary>
    public string Source { get; } = source;

    public bool IsSmart => Source == SmartLabeler.SourceName;

    public IReadOnlyDictionary<string, ClientLabels> ByClient { get; } = byClient;

    /// <summary>Targets at least one client has a value for.</summary>
    public IReadOnlyList<Target> Targets() =>
        Labels.Targets.All.Where(t => ByClient.Values.Any(l => l.Value(t) is not null)).ToList();

    public ClientLabels? For(string clientId) => ByClient.TryGetValue(clientId, out var l) ? l : null;
}
