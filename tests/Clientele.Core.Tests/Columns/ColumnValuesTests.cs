using System.Globalization;
using Clientele.Core.Columns;

namespace Clientele.Core.Tests.Columns;

public sealed class ColumnValuesTests
{
    [Theory]
    [InlineData("25 min", 25)]
    [InlineData("25min", 25)]
    [InlineData("1h30", 90)]
    [InlineData("1 h 30", 90)]
    [InlineData("1h30min", 90)]
    [InlineData("2 h", 120)]
    [InlineData("1,5 h", 90)]
    [InlineData("45'", 45)]
    [InlineData("45 Minuten", 45)]
    [InlineData("30 分", 30)]
    [InlineData("1 시간", 60)]
    [InlineData("1,5", 1.5)]
    [InlineData("1.25", 1.25)]
    [InlineData("1,234", 1234)]
    [InlineData("-3", -3)]
    [InlineData(" 60 ", 60)]
    public void Durations_read_in_minutes_and_decimal_commas_as_decimals(string cell, double expected)
    {
        Assert.True(ColumnValues.TryNumber(cell, out var value), cell);
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("long")]
    [InlineData("25 kg")]
    [InlineData("2026-01-08")]
    [InlineData("1h30 kg")]
    [InlineData("Paris 8")]
    public void Text_dates_and_unknown_units_are_not_numbers(string cell) => Assert.False(ColumnValues.TryNumber(cell, out _));

    [Fact]
    public void Random_durations_written_in_any_supported_form_read_back_as_their_minutes()
    {
        var rng = new Random(1313);
        for (var i = 0; i < 2_000; i++)
        {
            var minutes = rng.Next(1, 300);
            var (h, m) = (minutes / 60, minutes % 60);
            var cell = rng.Next(5) switch
            {
                0 => $"{minutes} min",
                1 => $"{minutes}'",
                2 => h > 0 ? $"{h}h{m:D2}" : $"{m} min",
                3 => h > 0 ? $"{h} h {m} min" : $"{m}mn",
                _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60.0:0.##} h").Replace('.', ','),
            };
            Assert.True(ColumnValues.TryNumber(cell, out var value), cell);
            Assert.Equal(minutes, value, 0);
        }
    }

    [Theory]
    [InlineData("2026-01-08")]
    [InlineData("2026-01-08T10:30:00")]
    [InlineData("08/01/2026")]
    [InlineData("08.01.2026")]
    [InlineData("2026/01/08")]
    public void Dates_read_in_iso_and_day_first_forms(string cell)
    {
        Assert.True(ColumnValues.TryDate(cell, out var date), cell);
        Assert.Equal(new DateOnly(2026, 1, 8), date);
    }

    [Theory]
    [InlineData("anna.rossi@example.com", true)]
    [InlineData("not an @ address", false)]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("06.12.34.56.78", true)]
    [InlineData("90", false)]
    [InlineData("20260108", false)]
    public void Contact_shapes_are_recognised(string cell, bool contact) =>
        Assert.Equal(contact, ColumnValues.LooksLikeEmail(cell) || ColumnValues.LooksLikePhone(cell));

    [Fact]
    public void Categories_fold_case_accents_and_inner_blanks() =>
        Assert.Equal("paris opera", ColumnValues.Category("  Paris   Opéra "));
}
