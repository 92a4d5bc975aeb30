using Clientele.Core.Ingest;
using Clientele.Storage.Store;

namespace Clientele.Server.Tests.Fixtures;

/// <summary>
/// A small in-memory <see cref="IClienteleStore"/> for tests until the SQLite store lands: one lock around
/// plain collections, the same observable behaviour as the contract describes.
/// </summary>
public sealed class InMemoryStore : IClienteleStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ClientRecord> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NoteRecord>> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConceptRecord>> _concepts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PredictionRecord>> _predictions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelVersionRecord> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);

    public void Migrate()
    {
    }

    public int SchemaVersion() => 1;

    public void SaveClients(IReadOnlyList<ClientRecord> clients, IReadOnlyList<Note> notes, IReadOnlyList<ConceptRecord> concepts)
    {
        lock (_lock)
        {
            foreach (var c in clients)
            {
                _clients[c.ClientId] = c;
                _notes[c.ClientId] = [];
                _concepts[c.ClientId] = [];
            }

            foreach (var n in notes)
            {
                _notes[n.ClientId].Add(new NoteRecord(n.ClientId, n.Date, n.Language, n.Text));
            }

            foreach (var c in concepts)
            {
                _concepts[c.ClientId].Add(c);
            }
        }
    }

    public void SavePredictions(IReadOnlyList<PredictionRecord> predictions)
    {
        lock (_lock)
        {
            foreach (var p in predictions)
            {
                if (!_predictions.TryGetValue(p.ClientId, out var list))
                {
                    _predictions[p.ClientId] = list = [];
                }

                list.Add(p);
            }
        }
    }

    public ClientRecord? GetClient(string clientId)
    {
        lock (_lock)
        {
            return _clients.GetValueOrDefault(clientId);
        }
    }

    public IReadOnlyList<NoteRecord> GetNotes(string clientId)
    {
        lock (_lock)
        {
            return _notes.TryGetValue(clientId, out var l) ? l.OrderBy(n => n.Date).ToList() : [];
        }
    }

    public IReadOnlyList<ConceptRecord> GetConcepts(string clientId)
    {
        lock (_lock)
        {
            return _concepts.TryGetValue(clientId, out var l) ? l.ToList() : [];
        }
    }

    public IReadOnlyList<PredictionRecord> GetPredictionHistory(string clientId)
    {
        lock (_lock)
        {
            return _predictions.TryGetValue(clientId, out var l) ? l.AsEnumerable().Reverse().ToList() : [];
        }
    }

    public (IReadOnlyList<ClientSummary> Items, int Total) QueryClients(ClientQuery query)
    {
        lock (_lock)
        {
            var rows = _clients.Values.OrderBy(c => c.ClientId, StringComparer.Ordinal)
                .Select(c => new ClientSummary(c, _predictions.TryGetValue(c.ClientId, out var l) && l.Count > 0 ? l[^1] : null))
                .Where(s => query.ValueSegment is null || s.Latest?.Score.ValueSegment == query.ValueSegment)
                .Where(s => query.RiskSegment is null || s.Latest?.Score.RiskSegment == query.RiskSegment)
                .Where(s => query.Search is null || s.Client.ClientId.Contains(query.Search, StringComparison.OrdinalIgnoreCase)
                    || s.Client.DisplayName.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return (rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), rows.Count);
        }
    }

    public IReadOnlyList<PredictionRecord> LatestPredictions()
    {
        lock (_lock)
        {
            return _predictions.Values.Where(l => l.Count > 0).Select(l => l[^1]).ToList();
        }
    }

    public void SaveModelVersion(ModelVersionRecord version)
    {
        lock (_lock)
        {
            _versions[version.Version] = version;
        }
    }

    public IReadOnlyList<ModelVersionRecord> ListModelVersions()
    {
        lock (_lock)
        {
            return _versions.Values.ToList();
        }
    }

    public bool ActivateModelVersion(string version)
    {
        lock (_lock)
        {
            if (!_versions.ContainsKey(version))
            {
                return false;
            }

            foreach (var key in _versions.Keys.ToList())
            {
                _versions[key] = _versions[key] with { Active = key == version };
            }

            return true;
        }
    }

    public ModelVersionRecord? ActiveModelVersion()
    {
        lock (_lock)
        {
            return _versions.Values.FirstOrDefault(v => v.Active);
        }
    }

    public void SaveRun(RunRecord run)
    {
        lock (_lock)
        {
            _runs[run.RunId] = run;
        }
    }

    public IReadOnlyList<RunRecord> ListRuns(int limit = 50)
    {
        lock (_lock)
        {
            return _runs.Values.OrderByDescending(r => r.StartedAt).Take(limit).ToList();
        }
    }

    public void Dispose()
    {
    }
}
