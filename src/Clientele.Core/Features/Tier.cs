namespace Clientele.Core.Features;

/// <summary>Fast: one random forest per target, for real-time scoring. Elite: a soft-voting ensemble, for the nightly batch.</summary>
public enum Tier
{
    Fast,
    Elite,
}
