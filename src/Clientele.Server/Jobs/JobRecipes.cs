using Clientele.Server.Hosting;
using Clientele.Server.Schedules;
using Clientele.Storage.Replicas;
using Clientele.Storage.Store;

namespace Clientele.Server.Jobs;

/// <summary>
/// Turns a job claimed from the shared queue back into work: a training from its payload, a scheduled kind from
/// <see cref="ScheduledWork"/>. A scheduled kind runs under a DistributedLock named after it, so two runs of one kind
/// (the schedule's and one started by hand on another replica) never overlap across replicas.
/// </summary>
internal sealed class JobRecipes(TrainingRunner trainer, ScheduledWork scheduled, IClienteleStore store)
{
    /// <summary>The job to run for <paramref name="claimed"/>; null when its kind is unknown here.</summary>
    public Job? Rebuild(QueuedJob claimed)
    {
        if (claimed.Kind == RunKinds.Train)
        {
            var request = TrainingPayload.Read(claimed.Payload ?? throw new InvalidOperationException(ServerMessages.JobPayloadMissing(claimed.JobId)));
            return new Job(claimed.JobId, claimed.Kind, claimed.QueuedAt, (job, token) =>
            {
                trainer.Run(job, request, token);
                return Task.CompletedTask;
            });
        }

        if (scheduled.Create(claimed.Kind) is not { } template)
        {
            return null;
        }

        var shared = ReplicaSharing.Of(store);
        return new Job(claimed.JobId, claimed.Kind, claimed.QueuedAt, async (job, token) =>
        {
            if (shared is null)
            {
                await template.Work(job, token);
                return;
            }

            await using var held = await shared.LockAsync("clientele:run:" + claimed.Kind, token);
            await template.Work(job, token);
        });
    }
}
