namespace Clientele.Core.Labels;

/// <summary>The three things Clientele predicts; the names are the labels-file columns.</summary>
public enum Target
{
    Purchased,
    Churned,
    LifetimeValue,
}

/// <summary>Names and kinds of targets.</summary>
public static class Targets
{
    public static readonly IReadOnlyList<Target> All = [Target.Purchased, Target.Churned, Target.LifetimeValue];

    public static string Name(Target t) => t switch
    {
        Target.Purchased => "purchased",
        Target.Churned => "churned",
        _ => "lifetime_value",
    };

    public static bool IsBinary(Target t) => t != Target.LifetimeValue;

    public static Target? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "purchased" or "purchase" => Target.Purchased,
        "churned" or "churn" => Target.Churned,
        "lifetime_value" or "clv" or "ltv" => Target.LifetimeValue,
        _ => null,
    };
}
