namespace Clientele.Core.Occasions;

/// <summary>
/// The kinds of occasion read from notes, as written in <c>occasions.csv</c>, and which of them come back every year.
/// </summary>
public static class OccasionKinds
{
    public const string Birthday = "birthday";
    public const string WeddingAnniversary = "wedding_anniversary";
    public const string Anniversary = "anniversary";
    public const string Wedding = "wedding";
    public const string Birth = "birth";
    public const string Graduation = "graduation";
    public const string Trip = "trip";
    public const string Event = "event";

    /// <summary>Every kind, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Birthday, WeddingAnniversary, Anniversary, Wedding, Birth, Graduation, Trip, Event];

    /// <summary>True for a known kind name.</summary>
    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);

    /// <summary>
    /// True when the occasion recurs yearly (birthdays and anniversaries): its date is then resolved to the
    /// next occurrence, whatever year the note names. Weddings, births, trips and events happen once.
    /// </summary>
    public static bool IsRecurring(string kind) => kind is Birthday or WeddingAnniversary or Anniversary;
}
