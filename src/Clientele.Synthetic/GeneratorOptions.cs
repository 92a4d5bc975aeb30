namespace Clientele.Synthetic;

/// <summary>
/// What <see cref="NotesGenerator.Write(GeneratorOptions, TextWriter, TextWriter, TextWriter?)"/> generates: how many clients, from which seed, in which languages,
/// how many of them get several notes and over which dates.
/// </summary>
/// <param name="Clients">Number of clients (label rows); each gets at least one note. Zero writes only the headers.</param>
/// <param name="Seed">Seed of every random draw: the same options give byte-identical files.</param>
/// <param name="Languages">
/// Language codes to write notes in (a subset of <see cref="NotesGenerator.AllLanguages"/>, any case; a code listed
/// twice is drawn twice as often); <c>null</c> means all twelve.
/// </param>
/// <param name="MultiNoteShare">Share of clients (0–1) who get 2–4 notes on different dates instead of one.</param>
/// <param name="Start">First possible note date; <c>null</c> means 2026-01-01.</param>
/// <param name="Days">Number of days in the date window: notes fall on <c>Start</c> … <c>Start + Days − 1</c>.</param>
public sealed record GeneratorOptions(
    int Clients,
    int Seed = 42,
    IReadOnlyList<string>? Languages = null,
    double MultiNoteShare = 0.25,
    DateOnly? Start = null,
    int Days = 365)
{
    /// <summary>
    /// The generator's fixed "as of" date, <c>Start + Days − 1</c> (2026-12-31 by default): the newest note date
    /// and the newest transaction date; nothing generated is dated after it.
    /// </summary>
    public DateOnly AsOf => (Start ?? NotesGenerator.DefaultStart).AddDays(Days - 1);

    /// <summary>What the notes are about: <see cref="GeneratorScenario.Standard"/> (the default files) or <see cref="GeneratorScenario.Maison"/>.</summary>
    public GeneratorScenario Scenario { get; init; }
}
