namespace Clientele.Core.History;

/// <summary>Cumulative repeat purchases of all calibration clients from the as-of date to the end of holdout week <see cref="Week"/>: actual, and expected.</summary>
public sealed record HoldoutWeek(int Week, double Actual, double Expected);
