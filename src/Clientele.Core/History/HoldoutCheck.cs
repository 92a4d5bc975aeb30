namespace Clientele.Core.History;

/// <summary>
/// How well a BG/NBD model fitted as of D predicts the next H days: the conditional-expectation table by calibration
/// frequency (Fader, Hardie &amp; Lee 2005, figure 4) and a weekly cumulative tracking series. Actual purchases are
/// counted as in calibration: purchase days (days netting to zero or more) in (D, D+H], of calibration clients only
/// (clients who first buy after D are not in the model's cohort).
/// </summary>
public sealed class HoldoutCheck
{
    /// <summary>Frequencies 0…6 get a bin each and 7 and more share the last, as in the published CDNOW table.</summary>
    public const int LastBin = 7;

    private HoldoutCheck(int days, IReadOnlyList<HoldoutBin> bins, double totalActual, double totalExpected, IReadOnlyList<HoldoutWeek> weekly, int[] actual, double[] expected)
    {
        Days = days;
        Bins = bins;
        TotalActual = totalActual;
        TotalExpected = totalExpected;
        Weekly = weekly;
        ActualByClient = actual;
        ExpectedByClient = expected;
    }

    public int Days { get; }

    public IReadOnlyList<HoldoutBin> Bins { get; }

    public double TotalActual { get; }

    public double TotalExpected { get; }

    /// <summary>
    /// Week w = 1, 2, … of the holdout (the last one may be short): actual purchase days since D, and Σ over clients of
    /// E[X(age + w weeks)] − E[X(age)] with the unconditional E[X(t)] of each client's age since their first purchase,
    /// the curve of the field's tracking plots (it uses the cohort's ages, not each client's own history).
    /// </summary>
    public IReadOnlyList<HoldoutWeek> Weekly { get; }

    /// <summary>Purchase days in the holdout, per row of the calibration summary.</summary>
    public IReadOnlyList<int> ActualByClient { get; }

    /// <summary>Conditional expected purchases in the holdout, per row of the calibration summary.</summary>
    public IReadOnlyList<double> ExpectedByClient { get; }

    /// <param name="calibration">RFM as of D.</param>
    /// <param name="transactions">Transactions; only those in (D, D+<paramref name="days"/>] are used.</param>
    /// <param name="days">Holdout length H.</param>
    /// <param name="model">The model fitted on <paramref name="calibration"/>.</param>
    public static HoldoutCheck Run(RfmSummary calibration, IEnumerable<Transaction> transactions, int days, BgNbdModel model)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var rows = calibration.Rows;
        var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].ClientId] = i;
        }

        var start = calibration.AsOf;
        var end = start.AddDays(days);
        var daily = new DailyNet();
        foreach (var t in transactions)
        {
            if (t.Date > start && t.Date <= end && index.TryGetValue(t.ClientId, out var client))
            {
                daily.Add(client, t.Date, t.Amount);
            }
        }

        var weeks = (days + 6) / 7;
        var actual = new int[rows.Count];
        var actualByWeek = new double[weeks + 1];
        var n = daily.Collapse(out var keys, out var nets);
        for (var i = 0; i < n; i++)
        {
            if (DailyNet.IsPurchase(nets[i]))
            {
                actual[DailyNet.ClientOf(keys[i])]++;
                actualByWeek[(DailyNet.DayOf(keys[i]) - start.DayNumber - 1) / 7 + 1]++;
            }
        }

        var unit = RfmSummary.DaysPer(calibration.Period);
        var horizon = days / unit;
        var expected = new double[rows.Count];
        Parallel.For(0, rows.Count, i => expected[i] = model.ExpectedPurchases(horizon, rows[i].Frequency, rows[i].Recency, rows[i].T));

        var bins = new List<HoldoutBin>();
        for (var k = 0; k <= LastBin; k++)
        {
            int count = 0;
            double sumActual = 0, sumExpected = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Frequency == k || (k == LastBin && rows[i].Frequency > k))
                {
                    count++;
                    sumActual += actual[i];
                    sumExpected += expected[i];
                }
            }

            bins.Add(new HoldoutBin(k, k == LastBin, count, count > 0 ? sumActual / count : 0, count > 0 ? sumExpected / count : 0));
        }

        // E[X(t)] depends on t only and ages are whole days, so one evaluation per distinct age serves every client.
        var cache = new Dictionary<int, double>();
        double Unconditional(int ageDays)
        {
            if (!cache.TryGetValue(ageDays, out var e))
            {
                e = model.ExpectedPurchases(ageDays / unit);
                cache[ageDays] = e;
            }

            return e;
        }

        var ages = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            var age = start.DayNumber - row.FirstPurchase.DayNumber;
            ages[age] = ages.GetValueOrDefault(age) + 1;
        }

        var weekly = new List<HoldoutWeek>(weeks);
        var cumulativeActual = 0.0;
        for (var w = 1; w <= weeks; w++)
        {
            cumulativeActual += actualByWeek[w];
            var elapsed = Math.Min(7 * w, days);
            var sum = 0.0;
            foreach (var (age, count) in ages)
            {
                sum += count * (Unconditional(age + elapsed) - Unconditional(age));
            }

            weekly.Add(new HoldoutWeek(w, cumulativeActual, sum));
        }

        return new HoldoutCheck(days, bins, actual.Sum(), expected.Sum(), weekly, actual, expected);
    }
}
