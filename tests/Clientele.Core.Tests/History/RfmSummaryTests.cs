using Clientele.Core.History;

namespace Clientele.Core.Tests.History;

public class RfmSummaryTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    private static Transaction Tx(string id, string date, double amount) => new(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount);

    private static readonly Transaction[] Fixture =
    [
        Tx("A", "2026-01-01", 100),
        Tx("A", "2026-01-01", 50),   // same day: one purchase of 150
        Tx("A", "2026-01-10", -30),  // a return day: not a purchase
        Tx("A", "2026-01-20", 0),    // a zero day: a purchase
        Tx("A", "2026-02-01", 200),
        Tx("A", "2026-03-05", 10),   // after the as-of date
        Tx("B", "2026-02-15", -20),  // returns only: no row
        Tx("C", "2026-02-20", 40),
    ];

    [Fact]
    public void Same_day_purchases_are_one_and_a_negative_day_is_not_a_purchase_but_a_zero_day_is()
    {
        var a = RfmSummary.Compute(Fixture, AsOf).Rows.Single(r => r.ClientId == "A");
        Assert.Equal(2, a.Frequency);                 // 01-01, 01-20, 02-01 → 3 purchase days
        Assert.Equal(31, a.Recency);
        Assert.Equal(59, a.T);
        Assert.Equal(100, a.MonetaryValue);           // (0 + 200) / 2: the first day's 150 is not a repeat
        Assert.Equal(320, a.TotalSpend);              // net: 150 − 30 + 0 + 200
        Assert.Equal(new DateOnly(2026, 1, 1), a.FirstPurchase);
        Assert.Equal(new DateOnly(2026, 2, 1), a.LastPurchase);
        Assert.Equal(28, a.DaysSinceLast);
    }

    [Fact]
    public void Rows_after_the_as_of_date_are_left_out_and_counted()
    {
        var rfm = RfmSummary.Compute(Fixture, AsOf);
        Assert.Equal(1, rfm.RowsAfterAsOf);
        Assert.Equal(1, rfm.ClientsWithoutPurchase);
        Assert.Equal(["A", "C"], rfm.Rows.Select(r => r.ClientId));
    }

    [Fact]
    public void A_one_time_buyer_has_frequency_recency_and_monetary_value_zero()
    {
        var c = RfmSummary.Compute(Fixture, AsOf).Rows.Single(r => r.ClientId == "C");
        Assert.Equal((0, 0.0, 9.0, 0.0, 40.0), (c.Frequency, c.Recency, c.T, c.MonetaryValue, c.TotalSpend));
    }

    [Fact]
    public void Weeks_are_days_over_seven_continuous()
    {
        var a = RfmSummary.Compute(Fixture, AsOf, Period.Week).Rows.Single(r => r.ClientId == "A");
        Assert.Equal(31 / 7.0, a.Recency, 12);
        Assert.Equal(59 / 7.0, a.T, 12);
        Assert.Equal(28, a.DaysSinceLast);
    }

    [Fact]
    public void A_purchase_and_its_full_return_on_one_day_net_to_zero_and_still_count_as_a_visit()
    {
        var rows = RfmSummary.Compute([Tx("D", "2026-01-01", 30), Tx("D", "2026-01-05", 10.1), Tx("D", "2026-01-05", -10.1)], AsOf).Rows;
        Assert.Equal(1, Assert.Single(rows).Frequency);
    }
}
