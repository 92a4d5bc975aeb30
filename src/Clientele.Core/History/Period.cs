namespace Clientele.Core.History;

/// <summary>The time unit of recency, age and every model horizon: days, or weeks (days / 7, continuous).</summary>
public enum Period
{
    Day,
    Week,
}
