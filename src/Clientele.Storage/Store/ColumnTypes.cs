namespace Clientele.Storage.Store;

/// <summary>
/// The column types a dialect gives the shared schema. <see cref="Key"/> exists because identifiers must sort
/// the same in both databases: byte order (SQLite's BINARY, PostgreSQL's "C"), whatever the server's locale.
/// </summary>
internal sealed record ColumnTypes(
    string Key,
    string Text,
    string Integer,
    string Real,
    string Boolean,
    string Date,
    string Timestamp,
    string Identity);
