namespace Clientele.Synthetic;

/// <summary>One generated client's ground truth.</summary>
/// <param name="ClientId">The client's id (<c>SYN_0000001</c> …), as in the notes.</param>
/// <param name="Purchased">1 when the client purchased (drawn from <paramref name="TruePurchaseProb"/>), else 0.</param>
/// <param name="Churned">1 when the client churned, else 0.</param>
/// <param name="LifetimeValue">The observed lifetime value: <paramref name="ExpectedLifetimeValue"/> plus noise, at least 500, rounded to cents.</param>
/// <param name="TruePurchaseProb">The probability the purchase was drawn from (the best any model can know).</param>
/// <param name="ExpectedLifetimeValue">The lifetime value before noise and floor (the best any model can predict).</param>
public sealed record GeneratedLabels(
    string ClientId,
    int Purchased,
    int Churned,
    double LifetimeValue,
    double TruePurchaseProb,
    double ExpectedLifetimeValue)
{
    /// <summary>The churn probability the churn label was drawn from, written only by scenarios whose churn is not 1 − 0.8p.</summary>
    public double? TrueChurnProb { get; init; }
}
