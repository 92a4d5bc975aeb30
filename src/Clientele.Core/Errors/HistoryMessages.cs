namespace Clientele.Core.Errors;

/// <summary>User-facing error texts of the purchase-history readers and models (kept beside <see cref="Messages"/>).</summary>
public static class HistoryMessages
{
    public static string DetailRowsMismatch(int details, int transactions) =>
        $"the extra columns hold {details:N0} rows but {transactions:N0} transactions were given: they must be read together";

    public static string BadAmount(string value) =>
        $"amount '{Messages.Truncate(value)}' is not a number (expected digits with '.' as the decimal mark, e.g. 1234.56)";

    public static string DecimalCommaAmount(string value) =>
        $"amount '{Messages.Truncate(value)}' uses a decimal comma; pass the decimal-comma option (--decimal-comma) if the file is written that way";

    public static string BadTransactionDate(string value) =>
        $"date '{Messages.Truncate(value)}' is not a date (expected yyyy-MM-dd, an ISO date-time or yyyyMMdd)";

    public static string DateTooEarly(DateOnly date) => $"date {date:yyyy-MM-dd} is before 1900; probably a typing error";

    public static string MixedCurrencies(IEnumerable<string> currencies) =>
        $"the file mixes currencies [{string.Join(", ", currencies)}]; give an fx-rates table (currency,rate_to_base) to convert them";

    public static string UnknownCurrency(string currency) => $"currency '{Messages.Truncate(currency)}' is not in the fx-rates table";

    public static string ConflictingOrder(string orderId, long firstLine) =>
        $"order '{Messages.Truncate(orderId)}' was already read on line {firstLine} with different content; an order id must name one order";

    public static string DuplicateOrderMerged(string orderId, long firstLine) =>
        $"order '{Messages.Truncate(orderId)}' repeats line {firstLine} exactly; counted once";

    public const string NoTransactions = "the file has no usable transaction";

    public const string NoClients = "no client has a purchase on or before the as-of date";

    public const string NoRepeatBuyers = "no client has a repeat purchase with a positive amount; the spend model needs at least one";

    public static string ModelFormat(string what, int found, int newest) =>
        $"the {what} model has format version {found}; this version of Clientele reads versions 1 to {newest} (upgrade Clientele to read it)";

    public static string ModelDamaged(string what) => $"the {what} model file is not a valid model (expected JSON with its parameters)";

    public static string NoPurchasesBy(DateOnly date) => $"no client has a purchase on or before {date:yyyy-MM-dd}; the purchase models cannot be fitted";

    public static string NothingAfterAsOf(DateOnly asOf, DateOnly newest) =>
        $"the newest transaction is dated {newest:yyyy-MM-dd}, not after --as-of {asOf:yyyy-MM-dd}: a backtest compares with what happened after it";

    public static string CutoffBeforeData(DateOnly cutoff, int longest) =>
        $"the training cutoff {cutoff:yyyy-MM-dd} (as-of minus the longest window, {longest} days) has no purchase before it; shorten the windows or move --as-of later";
}
