namespace Clientele.Core.History;

/// <summary>A client's extra transaction columns: the ledger's columns (one array shared by every client) and its own days in each.</summary>
internal sealed record ClientDetails(DetailColumn[] Columns, DetailDays[] Days);
