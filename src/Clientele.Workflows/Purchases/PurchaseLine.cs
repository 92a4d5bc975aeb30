namespace Clientele.Workflows.Purchases;

/// <summary>One transaction on the client page: its day, amount (negative: a return) and currency.</summary>
public sealed record PurchaseLine(DateOnly Date, double Amount, string? Currency);
