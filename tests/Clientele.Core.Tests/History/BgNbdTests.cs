using System.Text;
using Clientele.Core.Errors;
using Clientele.Core.History;

namespace Clientele.Core.Tests.History;

public class BgNbdTests
{
    /// <summary>The published CDNOW fit, used where a realistic model is needed without fitting one.</summary>
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void Parameters_are_recovered_from_data_simulated_by_the_model_itself()
    {
        var rows = BtydSimulation.BgNbd(5_000, r: 0.25, alpha: 4, a: 0.8, b: 2.5, seed: 11);
        var m = new BgNbdOptions().Fit(rows);
        // r and α are pinned by how often clients buy and are well identified at 5,000 clients; a and b only by when
        // buying stops, so their sampling error is several times larger (seeds 11, 12, 13: r 0.251/0.254/0.264,
        // α 3.69/4.13/4.52, a 0.74/0.64/0.75, b 2.18/1.88/2.44); the bands are about three standard errors.
        Assert.InRange(m.R, 0.25 * 0.85, 0.25 * 1.15);
        Assert.InRange(m.Alpha, 4 * 0.8, 4 * 1.2);
        Assert.InRange(m.A, 0.8 * 0.6, 0.8 * 1.4);
        Assert.InRange(m.B, 2.5 * 0.6, 2.5 * 1.4);
        // The fit is a maximum: the true parameters cannot score higher.
        Assert.True(m.LogLikelihood >= BgNbdOptions.LogLikelihood(rows, 0.25, 4, 0.8, 2.5) - 1e-6);
    }

    [Fact]
    public void Probability_alive_of_a_heavy_buyer_gone_quiet_is_zero_not_nan()
    {
        var p = Cdnow.ProbabilityAlive(1000, 10, 100);
        Assert.Equal(0.0, p, 12);
        Assert.False(double.IsNaN(p));
        Assert.True(double.IsFinite(Cdnow.LogProbabilityAlive(1000, 10, 100)));
        var e = Cdnow.ExpectedPurchases(52, 1000, 10, 100);
        Assert.True(double.IsFinite(e) && e >= 0 && e < 1e-6, e.ToString("R"));
        Assert.Equal(0.0, Cdnow.ProbabilityOfPurchaseWithin(52, 1000, 10, 100), 12);
    }

    [Fact]
    public void A_heavy_buyer_still_buying_is_alive_and_expected_to_keep_buying_at_their_rate()
    {
        Assert.True(Cdnow.ProbabilityAlive(1000, 100, 100) > 0.99);
        var e = Cdnow.ExpectedPurchases(10, 1000, 100, 100);
        Assert.True(double.IsFinite(e));
        Assert.InRange(e, 80, 100); // ~10 purchases a period, less a little dropout
    }

    [Fact]
    public void A_collapsed_dropout_beta_still_gives_finite_predictions()
    {
        // Every client dropping out with the same probability drives a and b to the millions with a/(a+b) fixed.
        var m = new BgNbdModel(1.14, 38.7, 1.0e7, 6.0e7);
        foreach (var (x, tx, T) in new[] { (0.0, 0.0, 200.0), (3, 116, 200), (40, 190, 200) })
        {
            var e = m.ExpectedPurchases(90, x, tx, T);
            Assert.True(double.IsFinite(e) && e >= 0, $"x={x}: {e}");
        }

        // Constant dropout p = 1/7: the limit is the Pareto/NBD-like expectation with a geometric lifetime, so it
        // must lie below the no-dropout Gamma-Poisson mean (r + x)/(α + T) · t.
        Assert.True(m.ExpectedPurchases(90, 3, 116, 200) < (1.14 + 3) / (38.7 + 200) * 90);
    }

    [Fact]
    public void Conditional_expectation_matches_the_paper_s_formula_evaluated_directly()
    {
        // Equation 10 of Fader, Hardie & Lee (2005) with the raw 2F1, for a client small enough not to overflow.
        double r = Cdnow.R, al = Cdnow.Alpha, a = Cdnow.A, b = Cdnow.B, x = 2, tx = 30.43, T = 38.86, t = 39;
        var f = Hypergeometric.Series(r + x, b + x, a + b + x - 1, t / (al + T + t));
        var direct = (a + b + x - 1) / (a - 1) * (1 - Math.Pow((al + T) / (al + T + t), r + x) * f)
            / (1 + a / (b + x - 1) * Math.Pow((al + T) / (al + tx), r + x));
        Assert.Equal(direct, Cdnow.ExpectedPurchases(t, x, tx, T), 10);
    }

    [Fact]
    public void Probability_of_a_purchase_for_a_new_client_is_one_minus_the_gamma_poisson_zero()
    {
        // x = 0, T = 0: alive for sure, and P(no purchase in t) = (α / (α + t))^r.
        Assert.Equal(1 - Math.Pow(Cdnow.Alpha / (Cdnow.Alpha + 10), Cdnow.R), Cdnow.ProbabilityOfPurchaseWithin(10, 0, 0, 0), 12);
    }

    [Fact]
    public void Unconditional_expectation_grows_with_time_and_is_the_conditional_one_at_zero_history()
    {
        Assert.Equal(0.0, Cdnow.ExpectedPurchases(0));
        Assert.True(Cdnow.ExpectedPurchases(10) < Cdnow.ExpectedPurchases(20));
        Assert.Equal(Cdnow.ExpectedPurchases(39, 0, 0, 0), Cdnow.ExpectedPurchases(39));
    }

    [Fact]
    public void Saved_and_loaded_model_gives_identical_predictions()
    {
        var m = new BgNbdModel(0.2431, 4.4136, 0.7929, 2.4259, -9582.43, 2357);
        using var s = new MemoryStream();
        m.Save(s);
        s.Position = 0;
        var back = BgNbdModel.Load(s);
        Assert.Equal((m.R, m.Alpha, m.A, m.B, m.LogLikelihood, m.Clients), (back.R, back.Alpha, back.A, back.B, back.LogLikelihood, back.Clients));
        Assert.Equal(m.ExpectedPurchases(39, 2, 30.43, 38.86), back.ExpectedPurchases(39, 2, 30.43, 38.86));
        Assert.Equal(m.ProbabilityAlive(26, 30.857, 31), back.ProbabilityAlive(26, 30.857, 31));
    }

    [Fact]
    public void A_model_file_of_a_newer_format_is_refused_with_its_version()
    {
        var json = """{"format": 2, "model": "bgnbd", "r": 0.2, "alpha": 4, "a": 0.8, "b": 2.4}""";
        var e = Assert.Throws<ClienteleInputException>(() => BgNbdModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "m.json"));
        Assert.Contains("format version 2", e.Message);
        Assert.StartsWith("m.json: ", e.Message);
    }

    [Fact]
    public void A_damaged_model_file_is_refused()
    {
        Assert.Throws<ClienteleInputException>(() => BgNbdModel.Load(new MemoryStream("{not json"u8.ToArray())));
        Assert.Throws<ClienteleInputException>(() => BgNbdModel.Load(new MemoryStream("""{"format":1,"model":"bgnbd","r":-1,"alpha":4,"a":1,"b":2}"""u8.ToArray())));
    }

    [Fact]
    public void Clv_without_discount_is_expected_purchases_over_the_horizon_times_expected_spend()
    {
        var gg = new GammaGammaModel(6.25, 3.74, 15.44);
        var clv = BtydClv.Compute(Cdnow, gg, 2, 30.43, 38.86, 22.35, months: 12, monthlyDiscount: 0, Period.Week);
        Assert.Equal(Cdnow.ExpectedPurchases(12 * 30 / 7.0, 2, 30.43, 38.86) * gg.ExpectedAverageSpend(2, 22.35), clv, 9);
        Assert.True(BtydClv.Compute(Cdnow, gg, 2, 30.43, 38.86, 22.35, 12, 0.01, Period.Week) < clv);
    }
}
