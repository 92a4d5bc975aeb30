using Clientele.Core.History;
using Clientele.Core.Worklist;

namespace Clientele.Core.Tests.Worklist;

public class ContactEffectTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    private static (List<Assignment> Assignments, PurchaseLedger Ledger) Population(int n, double listedRate, double controlRate, int seed)
    {
        var random = new Random(seed);
        var assignments = new List<Assignment>();
        var transactions = new List<Transaction>();
        for (var i = 0; i < n; i++)
        {
            var id = $"C{i:D5}";
            var control = ControlGroup.IsHeldOut(id, 0.3, seed);
            assignments.Add(new Assignment(id, AsOf, control, "r", "a", AsOf));
            transactions.Add(new Transaction(id, AsOf.AddDays(-100), 100));
            if (random.NextDouble() < (control ? controlRate : listedRate))
            {
                transactions.Add(new Transaction(id, AsOf.AddDays(1 + random.Next(29)), 250));
            }
        }

        transactions.Add(new Transaction("LAST", AsOf.AddDays(60), 1));
        return (assignments, PurchaseLedger.From(transactions));
    }

    [Fact]
    public void A_real_lift_is_found_with_an_interval_above_zero_and_no_lift_gives_an_interval_around_zero()
    {
        var (lifted, ledger) = Population(4000, 0.30, 0.15, 3);
        var effect = new ContactEffectOptions().Measure(lifted, ledger, ledger.Newest);
        Assert.InRange(effect.Difference, 0.11, 0.19);
        Assert.True(effect.Low > 0, $"interval [{effect.Low}, {effect.High}]");
        Assert.Equal("better", effect.Verdict);
        Assert.Equal(4000, effect.Listed + effect.Control);

        var (same, flat) = Population(4000, 0.2, 0.2, 4);
        var none = new ContactEffectOptions().Measure(same, flat, flat.Newest);
        Assert.True(none.Low < 0 && none.High > 0, $"interval [{none.Low}, {none.High}]");
        Assert.Equal("within noise", none.Verdict);
    }

    [Fact]
    public void An_assignment_whose_window_is_not_over_is_pending_not_a_miss_and_the_interval_is_seeded()
    {
        var (assignments, ledger) = Population(500, 0.3, 0.1, 5);
        var early = new ContactEffectOptions().Measure(assignments, ledger, AsOf.AddDays(10));
        Assert.Equal(500, early.Pending);
        Assert.Equal(0, early.Listed);
        var a = new ContactEffectOptions { Seed = 1 }.Measure(assignments, ledger, ledger.Newest);
        var b = new ContactEffectOptions { Seed = 1 }.Measure(assignments, ledger, ledger.Newest);
        Assert.Equal((a.Low, a.High), (b.Low, b.High));
    }

    [Fact]
    public void Assignments_read_back_as_written_and_a_bad_group_names_its_line_and_column()
    {
        var result = new WorklistResult(AsOf,
            [new WorklistEntry("A", "", "r1", "call", "Call", "phone", 1, AsOf.AddDays(2), "x", null, null, false)],
            [new WorklistEntry("B", "", "r2", "gift", "Gift", "message", 2, AsOf.AddDays(5), "y", null, null, true)]);
        var writer = new StringWriter();
        WorklistCsv.WriteAssignments(writer, result);
        var read = AssignmentsCsv.Read(new StringReader(writer.ToString()), "a.csv");
        Assert.Equal([new Assignment("A", AsOf, false, "r1", "call", AsOf.AddDays(2)), new Assignment("B", AsOf, true, "r2", "gift", AsOf.AddDays(5))], read);
        var e = Assert.Throws<Errors.ClienteleInputException>(() => AssignmentsCsv.Read(new StringReader(WorklistCsv.AssignmentsHeader + "\nA,2026-03-01,treated,r,a,2026-03-02\n"), "a.csv"));
        Assert.Equal((2L, 3), (e.Line!.Value, e.Column!.Value));
    }
}
