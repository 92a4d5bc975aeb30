using System.Text.Json;
using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Server.Jobs;

/// <summary>
/// A <see cref="TrainingRequest"/> as the shared job queue keeps it (JSON), so whichever replica claims the job trains on
/// exactly what was uploaded to the one that queued it.
/// </summary>
internal sealed record TrainingPayload(List<Note> Notes, string? LabelSource, Dictionary<string, ClientLabels>? Labels, Tier Tier, bool Activate,
    string DataFingerprint, ClassWeighting ClassWeights, bool IncludeSensitive)
{
    public static string Write(TrainingRequest r) =>
        JsonSerializer.Serialize(new TrainingPayload([.. r.Notes], r.Labels?.Source, r.Labels?.ByClient.ToDictionary(StringComparer.Ordinal), r.Tier, r.Activate,
            r.DataFingerprint, r.ClassWeights, r.IncludeSensitive));

    public static TrainingRequest Read(string json)
    {
        var p = JsonSerializer.Deserialize<TrainingPayload>(json) ?? throw new InvalidOperationException("empty training payload");
        var labels = p.LabelSource is null || p.Labels is null ? null : new LabelSet(p.LabelSource, p.Labels);
        return new TrainingRequest(p.Notes, labels, p.Tier, p.Activate, p.DataFingerprint, p.ClassWeights) { IncludeSensitive = p.IncludeSensitive };
    }
}
