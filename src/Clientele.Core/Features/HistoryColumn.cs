namespace Clientele.Core.Features;

/// <summary>The contact-history columns, in column order.</summary>
public enum HistoryColumn
{
    NoteCount,
    DaysSinceLastNote,
    ContactSpanDays,

    /// <summary>Flags that no note had a date (or no reference date is known).</summary>
    DateMissing,
}
