using Clientele.Server.Security;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/audit</c>: the audit trail for admins (who, what, about which id, when, from where).</summary>
public static class AuditApi
{
    /// <summary>One audit entry as listed.</summary>
    public sealed record AuditView(DateTimeOffset At, string? KeyId, string Action, string? Subject, string? Remote, string Outcome);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Ok<List<AuditView>> (IClienteleStore store, int? limit) =>
                TypedResults.Ok(store.ListAudit(Math.Clamp(limit ?? 100, 1, 1000))
                    .Select(a => new AuditView(a.At, a.KeyId, a.Action, a.Subject, a.Remote, a.Outcome)).ToList()))
            .WithName("ListAudit")
            .WithSummary("The latest audit entries, newest first (limit, default 100): sign-ins and their failures, client reads, training, activation, key changes.")
            .RequireAuthorization(Policies.Admin);
        return app;
    }
}
