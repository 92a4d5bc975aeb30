namespace Clientele.Workflows;

/// <summary>
/// Times consecutive stages of a workflow into a seconds table (the "seconds" of the reports), on the
/// <see cref="TimeProvider"/> the caller gives, so tests and hosts decide what a second is.
/// </summary>
public sealed class StageClock(TimeProvider time, IDictionary<string, double> seconds)
{
    private long _start = time.GetTimestamp();

    /// <summary>Starts the next stage now, dropping the time since the last lap.</summary>
    public void Restart() => _start = time.GetTimestamp();

    /// <summary>Records the time since the last lap (or restart) under <paramref name="stage"/> and starts the next stage.</summary>
    public void Lap(string stage)
    {
        seconds[stage] = time.GetElapsedTime(_start).TotalSeconds;
        _start = time.GetTimestamp();
    }
}
