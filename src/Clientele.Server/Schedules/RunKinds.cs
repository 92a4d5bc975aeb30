namespace Clientele.Server.Schedules;

/// <summary>Names of the kinds of run, as stored and as used in <c>POST /api/runs/{kind}</c>.</summary>
public static class RunKinds
{
    public const string Train = Workflows.Training.TrainVersion.RunKind;
    public const string NightlyScore = "nightly-score";
    public const string WeeklyRetrain = "weekly-retrain";
    public const string Retention = "retention";
}
