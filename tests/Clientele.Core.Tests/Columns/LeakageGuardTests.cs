using Clientele.Core.Columns;
using Clientele.Core.Labels;

namespace Clientele.Core.Tests.Columns;

public sealed class LeakageGuardTests
{
    private const int Clients = 300;

    private static LabelSet Labels(Func<int, bool> purchased) =>
        new("labels.csv", Enumerable.Range(0, Clients).ToDictionary(i => $"C{i:D4}", i => new ClientLabels(purchased(i), null, i * 10.0)));

    private static ColumnSpec Fit(string name, Func<int, string> value, LabelSet labels, bool force = false)
    {
        var profiles = ColumnProfiles.Build([name], Clients, (i, _, _) => value(i));
        var inferred = ColumnTyper.Infer(profiles, new ColumnOverrides { Force = force ? [name] : [] }, "notes.csv");
        return Assert.Single(ColumnFitter.Fit(inferred, profiles, labels, (_, _) => true, null).Columns);
    }

    [Fact]
    public void A_column_that_copies_the_outcome_is_left_out_as_leakage()
    {
        var rng = new Random(21);
        var bought = Enumerable.Range(0, Clients).Select(_ => rng.NextDouble() < 0.4).ToArray();
        var spec = Fit("Status", i => bought[i] ? "won" : "lost", Labels(i => bought[i]));
        Assert.Equal(ColumnExclusion.Leakage, spec.Exclusion);
        Assert.Equal("purchased", spec.LeakageTarget);
        Assert.True(spec.LeakageScore >= Defaults.LeakageAuc);
    }

    [Fact]
    public void A_numeric_column_that_is_the_value_target_is_leakage_by_r_squared()
    {
        var rng = new Random(5);
        var spec = Fit("Spend", i => (i * 10.0 + rng.NextDouble()).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Labels(i => i % 3 == 0));
        Assert.Equal(ColumnExclusion.Leakage, spec.Exclusion);
        Assert.Equal("lifetime_value", spec.LeakageTarget);
    }

    [Fact]
    public void Force_column_keeps_a_leaking_column_and_still_reports_its_score()
    {
        var spec = Fit("Status", i => i % 2 == 0 ? "won" : "lost", Labels(i => i % 2 == 0), force: true);
        Assert.True(spec.Used);
        Assert.True(spec.Forced);
        Assert.Equal(1.0, spec.LeakageScore!.Value, 6);
    }

    [Fact]
    public void A_merely_useful_column_is_kept()
    {
        var rng = new Random(99);
        var minutes = Enumerable.Range(0, Clients).Select(_ => rng.Next(10, 90)).ToArray();
        // Longer meetings buy more often, as a real signal does: far from a copy of the label.
        var spec = Fit("Duration", i => minutes[i] + " min", Labels(i => rng.NextDouble() < minutes[i] / 120.0));
        Assert.True(spec.Used, spec.WhyNot);
        Assert.InRange(spec.LeakageScore!.Value, 0.5, Defaults.LeakageAuc);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 0, 0, 1, 1 }, 1.0)]
    [InlineData(new double[] { 4, 3, 2, 1 }, new double[] { 0, 0, 1, 1 }, 1.0)]
    [InlineData(new double[] { 1, 1, 1, 1 }, new double[] { 0, 1, 0, 1 }, 0.5)]
    public void Single_column_auc_ranks_either_direction_and_counts_ties_half(double[] x, double[] y, double auc) =>
        Assert.Equal(auc, LeakageGuard.Auc(x, y), 6);
}
