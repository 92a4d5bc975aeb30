namespace Clientele.Workflows;

/// <summary>Error texts of the workflow layer, in one place; the front-ends show them as they are.</summary>
public static class WorkflowMessages
{
    /// <summary>A <c>--out</c> that is one bundle of the one-bundle-per-directory layout: training into it would bury that version.</summary>
    public const string SingleBundleDirectory = "holds one model bundle saved without versions; every training is now kept as DIR/<version>/ with DIR/current naming the newest: give a new --out (or move this bundle into a subdirectory)";

    /// <summary>A version name outside the safe alphabet (it would become a directory name).</summary>
    public const string BadVersionName = "version names are 1 to 64 characters among letters, digits, '.', '_' and '-'";

    /// <summary>A bundle trained with transactions scored without them: every client would read as never having bought.</summary>
    public const string TransactionsNeeded = "this model was trained with purchase history: give the clients' transactions (--transactions) to score with it";

    /// <summary>Notes dated after the as-of date, left out of the profiles (told, never silent).</summary>
    public static string NotesAfterAsOf(int count, DateOnly asOf) =>
        $"{count:N0} note{(count == 1 ? string.Empty : "s")} dated after the as-of date {asOf:yyyy-MM-dd} left out (pass --as-of to score as of a later date)";

    /// <summary>Transactions given to a bundle that has no purchase features: they would be ignored.</summary>
    public const string TransactionsNotTrained = "this model was trained without purchase history, so it cannot use --transactions; train it with --transactions first";

    /// <summary>Rows of a transactions upload that could not be read: the first, and how many in all.</summary>
    public static string BadTransactionRows(string firstReason, long rejected) =>
        firstReason + (rejected > 1 ? $" ({rejected:N0} bad rows in all; none of the file was used)" : " (none of the file was used)");

    /// <summary>An order id the store holds with other content.</summary>
    public static string StoredOrderConflict(string orderId) =>
        $"order '{orderId}' is already stored with a different client, date, amount or currency; nothing was stored";

    /// <summary>Why a client page has no BTYD figures: no purchase to compute them from.</summary>
    public const string NoPurchaseByAsOf = "no purchase on record on or before the as-of date";

    /// <summary>Why a client page has no BTYD figures: nothing is active.</summary>
    public const string NoActiveBtyd = "no active model";

    /// <summary>Why a client page has no BTYD figures: the active bundle has no fitted BG/NBD and Gamma-Gamma.</summary>
    public const string BundleWithoutBtyd = "the active model was trained without purchase history, so it has no fitted BG/NBD and Gamma-Gamma (train with transactions)";
    /// <summary>Both ways of bounding model versions were given.</summary>
    public const string RetentionVersionsExclusive = "keep either the newest N versions or the versions of the last N days, not both";

    /// <summary>A retention bound below 1.</summary>
    public static string RetentionBound(string name, int value) => $"retention {name} must be 1 or more (was {value})";
}
