namespace Clientele.Server;

/// <summary>The server's routine: nightly batch scoring and weekly retraining, as cron expressions.</summary>
public sealed class ScheduleOptions
{
    /// <summary>Score every stored client with the active model; default 02:00 every day.</summary>
    public string NightlyScoring { get; set; } = "0 2 * * *";

    /// <summary>Retrain Elite on the stored notes and activate it; default 03:00 on Sundays.</summary>
    public string WeeklyRetrain { get; set; } = "0 3 * * 0";

    /// <summary>
    /// Apply the retention policy (<see cref="ServerOptions.Retention"/>) and remove orphan bundle folders; default 04:30
    /// every day, after the nightly scoring and the weekly retraining it would otherwise race for the store.
    /// </summary>
    public string Retention { get; set; } = "30 4 * * *";
}
