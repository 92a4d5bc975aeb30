namespace Clientele.Workflows;

/// <summary>Error texts of the workflow layer, in one place; the front-ends show them as they are.</summary>
public static class WorkflowMessages
{
    /// <summary>A version name outside the safe alphabet (it would become a directory name).</summary>
    public const string BadVersionName = "version names are 1 to 64 characters among letters, digits, '.', '_' and '-'";

    /// <summary>A bundle trained with transactions scored without them: every client would read as never having bought.</summary>
    public const string TransactionsNeeded = "this model was trained with purchase history: give the clients' transactions (--transactions) to score with it";

    /// <summary>Notes dated after the as-of date, left out of the profiles (told, never silent).</summary>
    public static string NotesAfterAsOf(int count, DateOnly asOf) =>
        $"{count:N0} note{(count == 1 ? string.Empty : "s")} dated after the as-of date {asOf:yyyy-MM-dd} left out (pass --as-of to score as of a later date)";

    /// <summary>Transactions given to a bundle that has no purchase features: they would be ignored.</summary>
    public const string TransactionsNotTrained = "this model was trained without purchase history, so it cannot use --transactions; train it with --transactions first";

    /// <summary>Both ways of bounding model versions were given.</summary>
    public const string RetentionVersionsExclusive = "keep either the newest N versions or the versions of the last N days, not both";

    /// <summary>A retention bound below 1.</summary>
    public static string RetentionBound(string name, int value) => $"retention {name} must be 1 or more (was {value})";
}
