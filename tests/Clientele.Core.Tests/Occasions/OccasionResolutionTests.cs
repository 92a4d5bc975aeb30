using Clientele.Core.Occasions;

namespace Clientele.Core.Tests.Occasions;

public class OccasionResolutionTests
{
    private static readonly OccasionExtractor Extractor = OccasionExtractor.Builtin;

    [Theory]
    [InlineData(3, 14, "2026-11-20", false, "2027-03-14")]
    [InlineData(12, 2, "2026-11-20", false, "2026-12-02")]
    [InlineData(1, 3, "2026-12-28", false, "2027-01-03")]
    [InlineData(11, 20, "2026-11-20", false, "2027-11-20")]
    [InlineData(11, 20, "2026-11-20", true, "2026-11-20")]
    [InlineData(2, 29, "2027-02-20", false, "2027-02-28")]
    [InlineData(2, 29, "2027-03-01", false, "2028-02-29")]
    [InlineData(2, 29, "2028-01-10", false, "2028-02-29")]
    [InlineData(2, 29, "2028-02-29", false, "2029-02-28")]
    public void Next_occurrence_is_after_the_anchor_and_29_February_falls_on_the_28th_in_common_years(int month, int day, string anchor, bool inclusive, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DateResolver.NextOccurrence(month, day, DateOnly.Parse(anchor), inclusive));
    }

    [Theory]
    [InlineData("2026-12-28", 1, 1)]
    [InlineData("2026-11-20", 1, 12)]
    [InlineData("2026-01-15", -1, 12)]
    [InlineData("2026-06-15", 0, 6)]
    public void Month_after_wraps_around_the_year(string anchor, int months, int expected) =>
        Assert.Equal(expected, DateResolver.MonthAfter(DateOnly.Parse(anchor), months));

    [Theory]
    [InlineData("Travelling to Rome in two weeks.", "2026-11-20", "2026-12-04")]
    [InlineData("Voyage à Rome dans deux semaines.", "2026-12-28", "2027-01-11")]
    [InlineData("Reise nach Rom in 2 Wochen.", "2027-02-20", "2027-03-06")]
    [InlineData("两周后去罗马旅行。", "2028-02-20", "2028-03-05")]
    [InlineData("2주 후에 로마 여행.", "2026-06-15", "2026-06-29")]
    public void In_two_weeks_is_fourteen_days_after_the_note_date(string text, string noteDate, string expected)
    {
        var trip = Assert.Single(Extractor.Extract("c", DateOnly.Parse(noteDate), text));
        Assert.Equal(OccasionKinds.Trip, trip.Kind);
        Assert.Equal(DateOnly.Parse(expected), trip.Date);
        Assert.False(trip.Recurring);
    }

    [Fact]
    public void A_recurring_date_crosses_the_year_end_and_a_one_off_keeps_a_stated_day_on_the_note_date()
    {
        var birthday = Assert.Single(Extractor.Extract("c", new DateOnly(2026, 12, 28), "Her birthday is on 2 January."));
        Assert.Equal(new DateOnly(2027, 1, 2), birthday.Date);
        Assert.True(birthday.Recurring);

        var today = Assert.Single(Extractor.Extract("c", new DateOnly(2026, 12, 28), "Her birthday is today, 28 December."));
        Assert.Equal(new DateOnly(2027, 12, 28), today.Date);

        var gala = Assert.Single(Extractor.Extract("c", new DateOnly(2026, 12, 28), "Gala on 28 December at the Opera."));
        Assert.Equal(new DateOnly(2026, 12, 28), gala.Date);
        Assert.False(gala.Recurring);
    }

    [Fact]
    public void Next_month_gives_the_month_only_and_a_season_gives_nothing()
    {
        var gala = Assert.Single(Extractor.Extract("c", new DateOnly(2026, 12, 28), "Invited to a gala next month."));
        Assert.Equal((int?)1, gala.Month);
        Assert.Null(gala.Day);
        Assert.Null(gala.Date);

        var trip = Assert.Single(Extractor.Extract("c", new DateOnly(2026, 6, 15), "Vacances cet été en Grèce."));
        Assert.Equal(OccasionKinds.Trip, trip.Kind);
        Assert.Null(trip.Month);
    }

    [Fact]
    public void A_stated_year_is_kept_for_one_offs_and_an_undated_note_keeps_month_and_day()
    {
        var wedding = Assert.Single(Extractor.Extract("c", new DateOnly(2026, 6, 15), "Wedding planned for 22/05/2027."));
        Assert.Equal(new DateOnly(2027, 5, 22), wedding.Date);

        var birthday = Assert.Single(Extractor.Extract("c", null, "Geburtstag am 3. Juni."));
        Assert.Null(birthday.Date);
        Assert.Equal((3, 6), (birthday.Day!.Value, birthday.Month!.Value));

        var relative = Assert.Single(Extractor.Extract("c", null, "Trip to Rome next week."));
        Assert.Null(relative.Date);
        Assert.Null(relative.Month);
    }
}
