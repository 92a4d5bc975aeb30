using Clientele.Server.Schedules;

namespace Clientele.Server.Tests.Schedules;

public sealed class CronExpressionTests
{
    private static readonly DateTime Start = new(2026, 1, 7, 10, 30, 0); // a Wednesday

    [Theory]
    [InlineData("0 2 * * *", "2026-01-08 02:00")]
    [InlineData("0 3 * * 0", "2026-01-11 03:00")]       // next Sunday
    [InlineData("0 3 * * 7", "2026-01-11 03:00")]       // 7 is Sunday too
    [InlineData("*/15 * * * *", "2026-01-07 10:45")]
    [InlineData("31 10 * * *", "2026-01-07 10:31")]
    [InlineData("30 10 * * *", "2026-01-08 10:30")]     // strictly after
    [InlineData("0 9-17/4 * * *", "2026-01-07 13:00")]
    [InlineData("5,10 0 1 * *", "2026-02-01 00:05")]
    [InlineData("0 0 29 2 *", "2028-02-29 00:00")]      // leap day
    [InlineData("0 12 * * 1-5", "2026-01-07 12:00")]
    [InlineData("0 12 * * 6", "2026-01-10 12:00")]
    [InlineData("0 0 13 * 5", "2026-01-09 00:00")]      // day 13 OR Friday, as classic cron
    [InlineData("0 0 1 jan *", null)]                  // names are not supported: parse error
    public void Next_occurrence(string expression, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<FormatException>(() => CronExpression.Parse(expression));
            return;
        }

        var next = CronExpression.Parse(expression).Next(Start);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("")]
    [InlineData("* * * *")]
    [InlineData("* * * * * *")]
    [InlineData("60 * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("* * * * 8")]
    [InlineData("5-1 * * * *")]
    [InlineData("*/0 * * * *")]
    [InlineData("1,,2 * * * *")]
    [InlineData("-1 * * * *")]
    public void Malformed_expressions_are_refused_with_the_field(string expression)
    {
        var e = Assert.Throws<FormatException>(() => CronExpression.Parse(expression));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Impossible_date_has_no_next()
    {
        Assert.Null(CronExpression.Parse("0 0 31 2 *").Next(Start));
    }

    [Fact]
    public void Matches_agrees_with_next()
    {
        var cron = CronExpression.Parse("*/7 1-3 * * 1,3,5");
        var t = Start;
        for (var i = 0; i < 50; i++)
        {
            var next = cron.Next(t)!.Value;
            Assert.True(cron.Matches(next));
            for (var m = t.AddMinutes(1); m < next; m = m.AddMinutes(1))
            {
                Assert.False(cron.Matches(m), m.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
            }

            t = next;
        }
    }
}
