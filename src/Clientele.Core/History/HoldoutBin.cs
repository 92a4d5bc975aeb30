namespace Clientele.Core.History;

/// <summary>Clients of one calibration frequency (the last bin holds that frequency and more): mean actual and expected repeat purchases in the holdout.</summary>
public sealed record HoldoutBin(int Frequency, bool AndMore, int Clients, double Actual, double Expected);
