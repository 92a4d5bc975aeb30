using Clientele.Core.History;

namespace Clientele.Core.Tests.History;

public class HoldoutCheckTests
{
    private static Transaction Tx(string id, int day, double amount) => new(id, new DateOnly(2026, 1, 1).AddDays(day), amount);

    [Fact]
    public void Actual_holdout_purchases_are_purchase_days_of_calibration_clients_inside_the_window()
    {
        Transaction[] tx =
        [
            Tx("A", 0, 10), Tx("A", 5, 10),
            Tx("A", 12, 5), Tx("A", 12, 5),  // one day in the holdout
            Tx("A", 13, -5),                // a return day: not a purchase
            Tx("A", 40, 5),                 // after the holdout window
            Tx("B", 0, 10), Tx("B", 19, 3),
            Tx("N", 11, 50),                // first buys after D: not in the cohort
        ];
        var calibration = RfmSummary.Compute(tx, new DateOnly(2026, 1, 11));
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        var check = HoldoutCheck.Run(calibration, tx, 14, model);
        Assert.Equal([1, 1], check.ActualByClient);
        Assert.Equal(2, check.TotalActual);
        Assert.Equal(1, check.Bins[0].Clients);   // B: frequency 0
        Assert.Equal(1, check.Bins[1].Clients);   // A: frequency 1
        Assert.Equal([1.0, 2.0], check.Weekly.Select(w => w.Actual)); // day 12 in week 1, day 19 in week 2
        Assert.True(check.Weekly[1].Expected > check.Weekly[0].Expected);
    }
}
