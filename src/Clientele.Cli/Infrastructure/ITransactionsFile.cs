namespace Clientele.Cli.Infrastructure;

/// <summary>The transactions-file options a verb declares (rfm, history, backtest, and train / predict with --transactions).</summary>
public interface ITransactionsFile
{
    /// <summary>The transactions CSV (null: not given).</summary>
    string? Transactions { get; }

    string? IdColumn { get; }

    string? DateColumn { get; }

    string? AmountColumn { get; }

    bool DecimalComma { get; }

    string? FxRates { get; }

    bool SkipBadRows { get; }
}
