namespace Clientele.Core.Ingest;

/// <summary>How to read a transactions CSV: column names when they are not the usual ones, number format, currencies.</summary>
public sealed record TransactionsCsvOptions
{
    /// <summary>Accepted names for the client id column, as for notes plus the usual e-commerce export name.</summary>
    public static readonly string[] IdNames = ["client_id", "id", "customer_id", "clientid", "client"];

    public static readonly string[] DateNames = ["date", "order_date", "transaction_date", "purchase_date"];

    public static readonly string[] AmountNames = ["amount", "total", "value", "revenue"];

    public static readonly string[] OrderNames = ["order_id", "order", "transaction_id"];

    public static readonly string[] CurrencyNames = ["currency", "ccy"];

    /// <summary>The optional columns that, with the required ones, make up an order's content when a repeated order id is compared.</summary>
    public static readonly string[] DetailNames = ["quantity", "product", "category", "store", "advisor"];

    /// <summary>Dates before this are typing errors (a year 0197), not purchases.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public string? IdColumn { get; init; }

    public string? DateColumn { get; init; }

    public string? AmountColumn { get; init; }

    /// <summary>Amounts are written "1.234,56" (European): '.' groups thousands and ',' is the decimal mark.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>
    /// Currency → rate to the base currency (amount × rate = base amount). Without it, a file naming more than one
    /// currency is refused: adding euros to yen would make every spend figure meaningless.
    /// </summary>
    public IReadOnlyDictionary<string, double>? FxRates { get; init; }

    public static TransactionsCsvOptions Default { get; } = new();
}
