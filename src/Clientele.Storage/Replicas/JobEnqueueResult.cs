namespace Clientele.Storage.Replicas;

/// <summary>What <see cref="IReplicaCoordinator.Enqueue"/> did.</summary>
public enum JobEnqueueResult
{
    /// <summary>The job is now waiting.</summary>
    Queued,

    /// <summary>A job with this id was queued before (by another replica): nothing was added.</summary>
    AlreadyQueued,

    /// <summary>Too many jobs wait: nothing was added.</summary>
    Full,
}
