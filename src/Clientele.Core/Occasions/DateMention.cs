namespace Clientele.Core.Occasions;

/// <summary>How a date mention pins a time down.</summary>
internal enum DatePrecision
{
    /// <summary>A day and a month are stated ("14 March", "3月14日", "14/03"), maybe a year.</summary>
    DayMonth,

    /// <summary>A month alone ("in June", "6月").</summary>
    Month,

    /// <summary>An offset in days from the note's date ("tomorrow", "in two weeks").</summary>
    RelativeDays,

    /// <summary>An offset in months from the note's date ("next month").</summary>
    RelativeMonths,

    /// <summary>A time of year without a month ("this summer"): detected so it is not read as something else, resolved to nothing.</summary>
    Season,
}

/// <summary>A date expression found in folded note text, before it is tied to an occasion.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Precision">What the expression pins down.</param>
/// <param name="Month">Stated month (DayMonth, Month).</param>
/// <param name="Day">Stated day (DayMonth).</param>
/// <param name="Year">Stated year, when there is one.</param>
/// <param name="Offset">Days (RelativeDays) or months (RelativeMonths) from the note's date.</param>
internal readonly record struct DateMention(int Start, int End, DatePrecision Precision, int Month = 0, int Day = 0, int? Year = null, int Offset = 0)
{
    public int Length => End - Start;
}
