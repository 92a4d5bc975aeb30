namespace Clientele.Workflows.Training;

/// <summary>
/// The run to record with a trained version, in the same transaction (the CLI; the server's job queue records
/// its own runs). The version is activated when <paramref name="Activate"/> is set or when none is active yet.
/// </summary>
public sealed record TrainingRun(DateTimeOffset Started, string Message, bool Activate = false);
