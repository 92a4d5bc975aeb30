using Clientele.Server.Models;
using Clientele.Storage.Store;

namespace Clientele.Server.Apis;

/// <summary><c>GET /health</c>: up, which model is active, whether the store answers.</summary>
public static class HealthApi
{
    /// <summary>The health document; <c>Status</c> is "ok" or "degraded" (no model, or the store fails).</summary>
    public sealed record Health(string Status, string? ModelVersion, string? ModelTier, bool StoreOk, int? SchemaVersion, string Version);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (ModelRegistry registry, IClienteleStore store) =>
            {
                int? schema = null;
                try
                {
                    schema = store.SchemaVersion();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Reported as StoreOk=false; the reason is in the server log, not in a public endpoint.
                }

                var snapshot = registry.Current;
                var ok = schema is not null && snapshot is not null;
                return TypedResults.Ok(new Health(ok ? "ok" : "degraded", snapshot?.Version, snapshot?.Bundle.Metadata.Tier, schema is not null, schema,
                    Core.Bundles.ModelBundle.ToolVersion));
            })
            .WithName("Health")
            .WithSummary("Liveness and readiness: active model, store reachable.")
            .Produces<Health>()
            .AllowAnonymous();
        return app;
    }
}
