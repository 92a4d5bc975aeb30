using Clientele.Core.Errors;
using MathNet.Numerics;
using System.Text.Json;

namespace Clientele.Core.History;

/// <summary>
/// BG/NBD and Gamma-Gamma fitted once on every client's purchases up to a cutoff (in days), with the windows they
/// predict over. Saved in the model bundle and reused at scoring, so a client's BTYD figures depend on that
/// client's purchases and the as-of date only, never on who else is in the batch.
/// </summary>
public sealed class BtydState
{
    /// <summary>The format written by <see cref="Save"/>; <see cref="Load"/> reads this and older.</summary>
    public const int FormatVersion = 1;

    /// <summary>Monthly discount of the CLV feature: the default (≈ 12.7 % a year).</summary>
    public const double MonthlyDiscount = 0.01;

    public BtydState(BgNbdModel bgnbd, GammaGammaModel? gammaGamma, PurchaseWindows windows, DateOnly fittedAsOf)
    {
        BgNbd = bgnbd;
        GammaGamma = gammaGamma;
        Windows = windows;
        FittedAsOf = fittedAsOf;
    }

    /// <summary>The purchase model (times in days).</summary>
    public BgNbdModel BgNbd { get; }

    /// <summary>The spend model; null when no client had a repeat purchase with a positive spend (each client's own mean spend is used then).</summary>
    public GammaGammaModel? GammaGamma { get; }

    public PurchaseWindows Windows { get; }

    /// <summary>The date the models were fitted on data up to.</summary>
    public DateOnly FittedAsOf { get; }

    /// <summary>
    /// Fits both models on every client's purchases up to <paramref name="asOf"/>. A file with no purchase up to
    /// then is an error: no model can be fitted, and scores without one would be made up.
    /// </summary>
    public static BtydState Fit(PurchaseLedger ledger, DateOnly asOf, PurchaseWindows windows, string source = "transactions")
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = ledger.Rfm(asOf);
        if (rows.Count == 0)
        {
            throw new ClienteleInputException(source, null, null, HistoryMessages.NoPurchasesBy(asOf));
        }

        var bgnbd = new BgNbdOptions().Fit(rows);
        var gammaGamma = rows.Any(r => r.Frequency > 0 && r.MonetaryValue > 0) ? new GammaGammaOptions().Fit(rows) : null;
        return new BtydState(bgnbd, gammaGamma, windows, asOf);
    }

    /// <summary>The client's figures as of <paramref name="asOf"/> (null when no purchase day falls on or before it).</summary>
    public BtydScores? Score(ClientPurchases? purchases, DateOnly asOf) => purchases?.Rfm(asOf) is { } row ? Score(row) : null;

    /// <summary>The figures of one RFM row (in days).</summary>
    public BtydScores Score(RfmRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        double x = row.Frequency, tx = row.Recency, T = row.T;
        var spend = GammaGamma?.ExpectedAverageSpend(x, row.MonetaryValue) is { } s && double.IsFinite(s) ? s : Math.Max(0, row.TotalSpend / (x + 1));
        var months = Math.Max(1, (int)Math.Round(Windows.ValueDays / BtydClv.DaysPerMonth));
        var clv = GammaGamma is { } gg ? BtydClv.Compute(BgNbd, gg, x, tx, T, row.MonetaryValue, months, MonthlyDiscount, Period.Day) : double.NaN;
        var valuePurchases = BgNbd.ExpectedPurchases(Windows.ValueDays, x, tx, T);
        return new BtydScores(
            BgNbd.ProbabilityAlive(x, tx, T),
            BgNbd.ExpectedPurchases(Windows.HorizonDays, x, tx, T),
            BgNbd.ProbabilityOfPurchaseWithin(Windows.HorizonDays, x, tx, T),
            BgNbd.ProbabilityOfPurchaseWithin(Windows.ChurnDays, x, tx, T),
            valuePurchases * spend,
            double.IsFinite(clv) ? clv : valuePurchases * spend);
    }

    /// <summary>Writes the windows and both models' parameters as one JSON object with a format version.</summary>
    public void Save(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteNumber("format", FormatVersion);
        w.WriteString("model", "btyd");
        w.WriteString("fitted_as_of", FittedAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("horizon_days", Windows.HorizonDays);
        w.WriteNumber("churn_days", Windows.ChurnDays);
        w.WriteNumber("value_days", Windows.ValueDays);
        w.WriteNumber("r", BgNbd.R);
        w.WriteNumber("alpha", BgNbd.Alpha);
        w.WriteNumber("a", BgNbd.A);
        w.WriteNumber("b", BgNbd.B);
        if (GammaGamma is { } gg)
        {
            w.WriteNumber("p", gg.P);
            w.WriteNumber("q", gg.Q);
            w.WriteNumber("v", gg.V);
        }

        w.WriteEndObject();
    }

    /// <summary>Reads what <see cref="Save"/> wrote; a newer format or damaged values throw <see cref="ClienteleInputException"/>.</summary>
    public static BtydState Load(JsonElement root, string source)
    {
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(root));
        var checkedRoot = ModelJson.Read(stream, source, "BTYD", "btyd", FormatVersion);
        const string what = "BTYD";
        var bgnbd = new BgNbdModel(ModelJson.Positive(checkedRoot, "r", source, what), ModelJson.Positive(checkedRoot, "alpha", source, what),
            ModelJson.Positive(checkedRoot, "a", source, what), ModelJson.Positive(checkedRoot, "b", source, what));
        var gg = checkedRoot.TryGetProperty("p", out _)
            ? new GammaGammaModel(ModelJson.Positive(checkedRoot, "p", source, what), ModelJson.Positive(checkedRoot, "q", source, what), ModelJson.Positive(checkedRoot, "v", source, what))
            : null;
        var windows = new PurchaseWindows((int)ModelJson.Positive(checkedRoot, "horizon_days", source, what), (int)ModelJson.Positive(checkedRoot, "churn_days", source, what),
            (int)ModelJson.Positive(checkedRoot, "value_days", source, what));
        var fitted = checkedRoot.TryGetProperty("fitted_as_of", out var f) && DateOnly.TryParseExact(f.GetString(), "yyyy-MM-dd", out var d)
            ? d
            : throw new ClienteleInputException(source, null, null, HistoryMessages.ModelDamaged(what) + "; 'fitted_as_of' is missing");
        return new BtydState(bgnbd, gg, windows, fitted);
    }
}
