namespace Clientele.Core.Occasions;

/// <summary>One occasion or important date mentioned in a note.</summary>
/// <param name="ClientId">The client the note is about.</param>
/// <param name="Kind">One of <see cref="OccasionKinds.All"/>.</param>
/// <param name="Date">
/// The day it falls on, when the note states (or implies, "in two weeks") a day and the note is dated: a recurring
/// occasion's next occurrence after the note's date, a one-off's stated date (or the next occurrence of a stated
/// day and month on or after the note's date). Null otherwise.
/// </param>
/// <param name="Month">The month as far as stated (1..12); "next month" gives the month alone. Null when not stated.</param>
/// <param name="Day">The day of the month as far as stated; null when not stated.</param>
/// <param name="Recurring">True for occasions that come back every year (<see cref="OccasionKinds.IsRecurring"/>).</param>
/// <param name="NoteDate">The note's date, the anchor of relative expressions.</param>
/// <param name="Start">Offset of the first character of the mention (the trigger word or its date, whichever comes first) in the original note.</param>
/// <param name="End">Offset just past the mention's last character.</param>
/// <param name="Text">The original text between <paramref name="Start"/> and <paramref name="End"/>.</param>
public sealed record Occasion(
    string ClientId,
    string Kind,
    DateOnly? Date,
    int? Month,
    int? Day,
    bool Recurring,
    DateOnly? NoteDate,
    int Start,
    int End,
    string Text);
