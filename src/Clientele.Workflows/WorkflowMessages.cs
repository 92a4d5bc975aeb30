namespace Clientele.Workflows;

/// <summary>Error texts of the workflow layer, in one place; the front-ends show them as they are.</summary>
public static class WorkflowMessages
{
    /// <summary>A version name outside the safe alphabet (it would become a directory name).</summary>
    public const string BadVersionName = "version names are 1 to 64 characters among letters, digits, '.', '_' and '-'";

    /// <summary>A bundle trained with transactions scored without them: every client would read as never having bought.</summary>
    public const string TransactionsNeeded = "this model was trained with purchase history: give the clients' transactions (--transactions) to score with it";

    /// <summary>Transactions given to a bundle that has no purchase features: they would be ignored.</summary>
    public const string TransactionsNotTrained = "this model was trained without purchase history, so it cannot use --transactions; train it with --transactions first";
}
