using Xunit.Abstractions;
using Xunit.Sdk;

namespace Clientele.Storage.Tests.Infrastructure;

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts, skipped on a PostgreSQL class when no server is given.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class
            .GetCustomAttributes(typeof(NeedsPostgresAttribute).AssemblyQualifiedName!)
            .Any();
        var skip = needsPostgres ? PostgresEnvironment.SkipReason : null;
        return skip is null
            ? base.CreateTestCase(discoveryOptions, testMethod, factAttribute)
            : new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                skip);
    }
}
