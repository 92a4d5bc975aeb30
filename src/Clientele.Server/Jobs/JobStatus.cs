namespace Clientele.Server.Jobs;

/// <summary>The states of a <see cref="Job"/>, as strings because they go to JSON and the store as they are.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Succeeded or Failed;
}
