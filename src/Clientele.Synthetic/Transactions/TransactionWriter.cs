using System.Globalization;
using static Clientele.Synthetic.Transactions.TransactionProcess;

namespace Clientele.Synthetic.Transactions;

/// <summary>
/// Draws and writes one client's purchase history at a time (the process is in docs/GENERATED-DATA.md and the
/// constants of <see cref="TransactionProcess"/>). Every draw comes from the client's own transaction stream, never
/// from the notes' stream, so adding transactions leaves notes.csv and labels.csv byte for byte as they were.
/// </summary>
internal sealed class TransactionWriter
{
    /// <summary>The header of transactions.csv (the columns <c>TransactionsCsv</c> reads).</summary>
    public const string Header = "client_id,date,amount,order_id,category,store";

    private readonly ShopCatalog _catalog = ShopCatalog.Default;
    private readonly int _seed;
    private readonly int _firstDay;
    private readonly int _asOfDay;
    private Event[] _events = new Event[64];
    private int _count;

    public TransactionWriter(int seed, DateOnly asOf)
    {
        _seed = seed;
        AsOf = asOf;
        _asOfDay = asOf.DayNumber;
        _firstDay = FirstDate(asOf).DayNumber;
    }

    /// <summary>The last date written.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first date of the window: <see cref="TransactionProcess.Years"/> years ending on the as-of, inclusive.</summary>
    public static DateOnly FirstDate(DateOnly asOf) => asOf.AddYears(-Years).AddDays(1);

    /// <summary>A noted client (index k of the notes): its history, or nothing for a prospect. Returns the rows written.</summary>
    public int WriteNoted(int index, in LatentClient client, TextWriter output)
    {
        var rng = new SplitMix64(_seed, index, NotedDomain);
        if (rng.Chance(NeverBoughtShare))
        {
            return 0;
        }

        // A client acquired within the window makes its first purchase on its "client since" date; an older client is
        // already active when the window opens, and its first purchase in the file is its first arrival after that.
        var since = new DateOnly(client.SinceYear, 1, 1).DayNumber + rng.Next(365);
        return Simulate(ref rng, client, since >= _firstDay ? since : -1, output);
    }

    /// <summary>
    /// A client without notes, id <paramref name="clientId"/>: hidden signals drawn as for a noted client (with a
    /// recent contact), acquired on a uniform day of the window. Returns the rows written (at least one).
    /// </summary>
    public int WriteUnnoted(long stream, string clientId, IReadOnlyList<string> languages, TextWriter output)
    {
        var rng = new SplitMix64(_seed, stream, UnnotedDomain);
        var drivers = LatentDrivers.Draw(ref rng);
        var budgetK = drivers.NoLimit || rng.Chance(NotesGenerator.NoBudgetShare) ? 0 : StatedBudget.Pick(rng.Next(StatedBudget.TotalWeight)).Thousands;
        var p = drivers.PurchaseProbability(budgetK, 0);
        var client = new LatentClient(clientId, p, NotesGenerator.ChurnProbability(p, 0),
            drivers.ExpectedLifetimeValue(budgetK), AsOf.Year, languages[rng.Next(languages.Count)]);
        return Simulate(ref rng, client, _firstDay + rng.Next(_asOfDay - _firstDay + 1), output);
    }

    /// <summary>The BG/NBD-like process from <paramref name="acquiredDay"/> (−1: active since before the window).</summary>
    private int Simulate(ref SplitMix64 rng, in LatentClient client, int acquiredDay, TextWriter output)
    {
        var rate = -Math.Log(1 - client.PurchaseProbability) / HorizonDays * (rng.NextGamma(RateShape) / RateShape);
        var dropoutMean = DropoutScale * client.ChurnProbability;
        var dropout = rng.NextBeta(dropoutMean * DropoutConcentration, (1 - dropoutMean) * DropoutConcentration);
        var orderValue = client.ExpectedLifetimeValue * OrderShareOfClv * (rng.NextGamma(SpendShape) / SpendShape);
        var home = _catalog.HomeStore(client.Language);

        _count = 0;
        var orders = 0;
        double t = acquiredDay >= 0 ? acquiredDay : _firstDay + (rng.NextExponential() / rate);
        while (t < _asOfDay + 1)
        {
            var day = (int)t;
            var amount = Math.Max(0.01, Math.Round(orderValue * rng.NextGamma(AmountShape) / AmountShape, 2));
            var category = _catalog.PickCategory(ref rng);
            var store = rng.Chance(AwayShare) ? rng.Next(_catalog.Stores.Length) : home;
            orders++;
            Add(new Event(day, orders, amount, category, store, false));
            if (rng.Chance(ReturnShare))
            {
                var returnDay = day + 1 + rng.Next(ReturnDays);
                if (returnDay <= _asOfDay)
                {
                    Add(new Event(returnDay, orders, -amount, category, store, true));
                }
            }

            if (rng.Chance(dropout))
            {
                break;
            }

            t += rng.NextExponential() / rate;
        }

        // Returns land among later purchases: rows go out in date order (a purchase before its own return).
        Array.Sort(_events, 0, _count);
        for (var i = 0; i < _count; i++)
        {
            WriteRow(output, client.ClientId, _events[i]);
        }

        return _count;
    }

    private void Add(Event e)
    {
        if (_count == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }

        _events[_count++] = e;
    }

    private void WriteRow(TextWriter output, string id, in Event e)
    {
        Span<char> buf = stackalloc char[32];
        output.Write(id);
        output.Write(',');
        DateOnly.FromDayNumber(e.Day).TryFormat(buf, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.Write(buf[..n]);
        output.Write(',');
        e.Amount.TryFormat(buf, out n, "0.00", CultureInfo.InvariantCulture);
        output.Write(buf[..n]);
        output.Write(',');
        output.Write(id);
        output.Write('-');
        e.Order.TryFormat(buf, out n, "D4", CultureInfo.InvariantCulture);
        output.Write(buf[..n]);
        output.Write(e.Return ? "-R," : ",");
        output.Write(_catalog.Categories[e.Category]);
        output.Write(',');
        output.Write(_catalog.Stores[e.Store]);
        output.Write('\n');
    }

    /// <summary>One row: a purchase or the full return of purchase <see cref="Order"/>; ordered by day, then order, purchase first.</summary>
    private readonly record struct Event(int Day, int Order, double Amount, int Category, int Store, bool Return) : IComparable<Event>
    {
        public int CompareTo(Event other) =>
            Day != other.Day ? Day.CompareTo(other.Day)
            : Order != other.Order ? Order.CompareTo(other.Order)
            : Return.CompareTo(other.Return);
    }
}
