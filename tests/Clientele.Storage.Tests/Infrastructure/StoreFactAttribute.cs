using Xunit.Sdk;

namespace Clientele.Storage.Tests.Infrastructure;

/// <summary>
/// A fact of the shared store contract. It is declared once, on the abstract suite, so it cannot know which
/// store runs it; its discoverer looks at the concrete class and skips it like <see cref="PostgresFactAttribute"/>
/// when that class is marked <see cref="NeedsPostgresAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer("Clientele.Storage.Tests.Infrastructure.StoreFactDiscoverer", "Clientele.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
