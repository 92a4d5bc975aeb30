using Clientele.Storage.Replicas;
using Clientele.Storage.Store;

namespace Clientele.Server.Hosting;

/// <summary>
/// Whether this server shares its store with other replicas (PostgreSQL) and under which name it takes jobs. A SQLite
/// store serves one process: no coordinator, and the queue and activation stay in memory as before.
/// </summary>
internal static class ReplicaSharing
{
    /// <summary>Channel an activation is announced on; the message is the version.</summary>
    public const string ModelChannel = "clientele_model";

    /// <summary>Channel a queued job is announced on; the message is the job id.</summary>
    public const string JobsChannel = "clientele_jobs";

    /// <summary>This process, as recorded in a claimed job's <c>claimed_by</c> and in the log.</summary>
    public static string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    public static TimeSpan Poll { get; } = TimeSpan.FromSeconds(Core.Defaults.ReplicaPollSeconds);

    public static IReplicaCoordinator? Of(IClienteleStore store) => (store as PostgresStore)?.Replicas;
}
