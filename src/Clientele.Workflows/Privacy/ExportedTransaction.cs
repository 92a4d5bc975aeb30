namespace Clientele.Workflows.Privacy;

/// <summary>A purchase (or, negative, a return) held about the client: day, amount, currency and the till's order id when known.</summary>
public sealed record ExportedTransaction(DateOnly Date, double Amount, string? Currency, string? OrderId)
{
    /// <summary>The exported form of a stored transaction.</summary>
    public static ExportedTransaction From(Core.History.Transaction t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new ExportedTransaction(t.Date, t.Amount, t.Currency, t.OrderId);
    }
}
