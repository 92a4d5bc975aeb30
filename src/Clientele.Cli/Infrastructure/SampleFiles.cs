namespace Clientele.Cli.Infrastructure;

/// <summary>The files <see cref="SampleData.Write"/> wrote.</summary>
/// <param name="Notes">Path of notes.csv.</param>
/// <param name="Labels">Path of labels.csv.</param>
/// <param name="Transactions">Path of transactions.csv, or null when it was not generated.</param>
/// <param name="AsOf">The generator's as-of date: the newest date of every file.</param>
public sealed record SampleFiles(string Notes, string Labels, string? Transactions, DateOnly AsOf);
