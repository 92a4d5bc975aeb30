using System.Text.RegularExpressions;
using Clientele.Core.Bundles;
using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Cli.Infrastructure;

/// <summary>Records what the CLI did in the store: model versions, training runs, clients and predictions.</summary>
public static partial class StoreRecorder
{
    /// <summary>A version name from the bundle directory ("models/elite" → "elite"), or a timestamp when the name is not usable.</summary>
    public static string VersionOf(string bundleDirectory)
    {
        var name = Path.GetFileName(Path.GetFullPath(bundleDirectory).TrimEnd(Path.DirectorySeparatorChar));
        return SafeName().IsMatch(name) ? name : "v" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void RecordTraining(IStoreSettings settings, string bundleDirectory, ModelBundle bundle, DateTimeOffset started, int clients, bool activate)
    {
        if (settings.NoStore)
        {
            return;
        }

        using var store = StoreFactory.Open(StoreOption.Resolve(settings));
        var version = VersionOf(bundleDirectory);
        // One transaction: a CLI killed here leaves the version and its run both recorded or both absent.
        store.SaveTrainedVersion(
            new ModelVersionRecord(version, bundle.Metadata.Tier, Path.GetFullPath(bundleDirectory), bundle.Metadata.CreatedAt,
                bundle.Metadata.Report?.ToJsonString() ?? "{}", Active: false),
            new RunRecord(Guid.NewGuid().ToString("N"), "train", "succeeded", started, DateTimeOffset.UtcNow, clients, version, $"{bundle.Metadata.Tier} model trained from the CLI"),
            activate);
    }

    public static void RecordScores(IStoreSettings settings, string bundleDirectory, ModelBundle bundle, IReadOnlyList<ClientProfile> profiles, IReadOnlyList<Note> notes, IReadOnlyList<ClientScore> scores)
    {
        if (settings.NoStore)
        {
            return;
        }

        using var store = StoreFactory.Open(StoreOption.Resolve(settings));
        var (clients, concepts) = RecordMapper.From(profiles, notes, bundle.Lexicon);
        store.SaveClients(clients, notes, concepts);
        store.SavePredictions(RecordMapper.Predictions(scores, VersionOf(bundleDirectory), DateTimeOffset.UtcNow));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeName();
}
