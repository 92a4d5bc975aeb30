namespace Clientele.Storage.Tests.Infrastructure;

/// <summary>Marks a test class whose inherited <see cref="StoreFactAttribute"/> facts need PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;
