using Clientele.Core.History;
using Clientele.Core.Ingest;

namespace Clientele.Core.Tests.History;

/// <summary>
/// The CDNOW sample (2,357 clients of the first quarter of 1997) against the figures published by Fader, Hardie &amp;
/// Lee (2005) and Fader &amp; Hardie's Gamma-Gamma note: calibration to 1997-09-30 in weeks, 39-week holdout.
/// </summary>
public class CdnowAcceptanceTests
{
    private const string File = "CDNOW_sample.csv";

    private static readonly DateOnly AsOf = new(1997, 9, 30);

    private static (List<Transaction> Transactions, RfmSummary Rfm) Load()
    {
        var path = SharedData.Find(File)!;
        using var reader = CsvInput.OpenText(System.IO.File.OpenRead(path));
        var report = new IngestReport(path);
        var tx = TransactionsCsv.ReadAll(reader, path, report);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(6_919, tx.Count);
        return (tx, RfmSummary.Compute(tx, AsOf, Period.Week));
    }

    [SharedDataFact(File)]
    public void Bgnbd_gamma_gamma_and_holdout_match_the_published_figures()
    {
        var (tx, rfm) = Load();
        Assert.Equal(2_357, rfm.Rows.Count);

        var m = new BgNbdOptions().Fit(rfm.Rows);
        Assert.Equal((0.243, 4.414, 0.793, 2.426), (Math.Round(m.R, 3), Math.Round(m.Alpha, 3), Math.Round(m.A, 3), Math.Round(m.B, 3)));
        Assert.Equal(-9582.43, Math.Round(m.LogLikelihood, 2));

        Assert.Equal(1.226, Math.Round(m.ExpectedPurchases(39, 2, 30.43, 38.86), 3));
        Assert.Equal(25.757, Math.Round(m.ExpectedPurchases(52, 26, 30.857, 31), 3));
        Assert.Equal(0.9689, Math.Round(m.ProbabilityAlive(26, 30.857, 31), 4));

        var gg = new GammaGammaOptions().Fit(rfm.Rows);
        Assert.Equal((6.25, 3.74, 15.44), (Math.Round(gg.P, 2), Math.Round(gg.Q, 2), Math.Round(gg.V, 2)));

        var check = HoldoutCheck.Run(rfm, tx, 273, m);
        Assert.Equal([0.225, 0.523, 1.044, 1.520, 2.164, 2.654, 3.504, 6.157], check.Bins.Select(b => Math.Round(b.Expected, 3)));
        Assert.Equal([0.237, 0.697, 1.393, 1.560, 2.532, 2.947, 3.862, 6.359], check.Bins.Select(b => Math.Round(b.Actual, 3)));
        Assert.Equal(39, check.Weekly.Count);
        Assert.Equal(check.TotalActual, check.Weekly[^1].Actual);
    }
}
