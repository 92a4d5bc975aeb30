using Clientele.Core.History;

namespace Clientele.Core.Tests.History;

public class GammaGammaTests
{
    [Fact]
    public void Parameters_are_recovered_from_spends_simulated_by_the_model_itself()
    {
        var rows = BtydSimulation.GammaGamma(5_000, p: 6.25, q: 3.74, v: 15.44, seed: 7);
        var m = new GammaGammaOptions().Fit(rows);
        // With 1–8 spends per client p is loosely pinned: seeds 7, 8, 9 give 6.91, 6.11, 6.20 (50,000 clients: 6.15),
        // so ±20 % is about three standard errors. q and v trade off along a ridge (together they set the population
        // mean), so they get a wide band, while the population mean p·v/(q−1) itself must be close.
        Assert.InRange(m.P, 6.25 * 0.8, 6.25 * 1.2);
        Assert.InRange(m.Q, 3.74 * 0.75, 3.74 * 1.25);
        Assert.InRange(m.V, 15.44 * 0.7, 15.44 * 1.3);
        Assert.InRange(m.P * m.V / (m.Q - 1), 6.25 * 15.44 / 2.74 * 0.95, 6.25 * 15.44 / 2.74 * 1.05);
    }

    [Fact]
    public void Only_repeat_buyers_with_a_positive_mean_spend_are_fitted()
    {
        var rows = BtydSimulation.GammaGamma(500, 6.25, 3.74, 15.44, seed: 3)
            .Concat([new RfmRow("one-time", 0, 0, 10, 0, 50, default, default, 0), new RfmRow("free", 3, 5, 10, 0, 0, default, default, 0)]).ToList();
        Assert.Equal(500, new GammaGammaOptions().Fit(rows).Clients);
    }

    [Fact]
    public void Expected_spend_moves_from_the_population_mean_towards_the_client_s_own_with_more_purchases()
    {
        var m = new GammaGammaModel(6.25, 3.74, 15.44);
        var population = 6.25 * 15.44 / 2.74;
        Assert.Equal(population, m.ExpectedAverageSpend(0, 0), 9);
        Assert.True(Math.Abs(m.ExpectedAverageSpend(50, 100) - 100) < Math.Abs(m.ExpectedAverageSpend(2, 100) - 100));
    }

    [Fact]
    public void Saved_and_loaded_model_is_identical()
    {
        var m = new GammaGammaModel(6.2496, 3.7442, 15.4436, -1234.5, 946);
        using var s = new MemoryStream();
        m.Save(s);
        s.Position = 0;
        var back = GammaGammaModel.Load(s);
        Assert.Equal((m.P, m.Q, m.V, m.Clients), (back.P, back.Q, back.V, back.Clients));
        Assert.Equal(m.ExpectedAverageSpend(3, 40), back.ExpectedAverageSpend(3, 40));
    }
}
