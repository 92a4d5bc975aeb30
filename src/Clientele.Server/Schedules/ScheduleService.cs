using Microsoft.Extensions.Options;

namespace Clientele.Server.Schedules;

/// <summary>
/// Fires the configured cron schedules (server local time): at each due minute it queues the job on the
/// shared job queue, so a scheduled run never overlaps a training. An empty expression disables a schedule;
/// a malformed one is logged and disabled rather than stopping the server.
/// </summary>
public sealed class ScheduleService(ScheduledWork work, IOptions<ServerOptions> options, TimeProvider clock, ILogger<ScheduleService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = Parse(options.Value.Schedules);
        if (schedules.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetLocalNow().DateTime;
            var next = schedules.Select(s => (s.Kind, At: s.Cron.Next(now))).Where(s => s.At is not null).OrderBy(s => s.At).ToList();
            if (next.Count == 0)
            {
                return;
            }

            var due = next[0].At!.Value;
            var wait = due - now;
            // Sleep in bounded steps so a clock change (DST, NTP) is noticed within the hour.
            await Task.Delay(wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait, clock, stoppingToken);
            if (clock.GetLocalNow().DateTime < due)
            {
                continue;
            }

            foreach (var (kind, _) in next.Where(s => s.At == due))
            {
                log.ScheduleDue(kind);
                if (work.EnqueueDue(kind, due) is null)
                {
                    log.ScheduleSkipped(kind);
                }
            }
        }
    }

    private List<(string Kind, CronExpression Cron)> Parse(ScheduleOptions s)
    {
        var result = new List<(string, CronExpression)>();
        foreach (var (kind, text) in new[] { (RunKinds.NightlyScore, s.NightlyScoring), (RunKinds.WeeklyRetrain, s.WeeklyRetrain), (RunKinds.Retention, s.Retention) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                result.Add((kind, CronExpression.Parse(text)));
            }
            catch (FormatException e)
            {
                log.BadSchedule(ServerMessages.BadCron(kind, e.Message));
            }
        }

        return result;
    }
}
