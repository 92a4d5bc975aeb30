using System.Data.Common;
using Clientele.Core.Errors;
using Clientele.Server.Models;
using Clientele.Server.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Server.Hosting;

/// <summary>
/// On a shared store, serves the version another replica activated: woken by its NOTIFY, and checking every
/// <see cref="Core.Defaults.ReplicaPollSeconds"/> in case a notification was lost. Does nothing on SQLite.
/// </summary>
internal sealed class ActiveModelFollower(IClienteleStore store, ModelRegistry registry, SummaryCache cache, ILogger<ActiveModelFollower> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ReplicaSharing.Of(store) is not { } shared)
        {
            return;
        }

        using var wake = new SemaphoreSlim(0);
        var listening = shared.ListenAsync([ReplicaSharing.ModelChannel], (_, _) => wake.Release(), stoppingToken);
        string? failed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(ReplicaSharing.Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                if (registry.Follow(skip: failed) is { } version)
                {
                    cache.Invalidate();
                    failed = null;
                    log.FollowedActivation(ReplicaSharing.Name, version);
                }

                foreach (var ahead in registry.Prepare(Core.Defaults.ReplicaPreparedVersions))
                {
                    log.PreparedVersion(ReplicaSharing.Name, ahead);
                }
            }
            catch (Exception e) when (e is ClienteleInputException or IOException or DbException or FollowFailedException)
            {
                // Logged once per version: the next activation, or a restart, tries again.
                failed = (e as FollowFailedException)?.Version ?? failed;
                log.FollowFailed(ReplicaSharing.Name, e.InnerException?.Message ?? e.Message);
            }
        }

        await listening;
    }
}
