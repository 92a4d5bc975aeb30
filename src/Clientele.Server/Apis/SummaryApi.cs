using Clientele.Server.Scoring;
using Clientele.Server.Security;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/summary</c>: the dashboard overview.</summary>
public static class SummaryApi
{
    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/summary", (SummaryCache cache) => cache.Get())
            .WithName("Summary")
            .WithSummary("KPIs, counts per value and risk segment, histograms of purchase, churn and CLV, top concepts, and the call list (High/VIP clients with churn risk ≥ 0.6).")
            .Produces<Summary>()
            .RequireAuthorization(Policies.Read);
        return app;
    }
}
