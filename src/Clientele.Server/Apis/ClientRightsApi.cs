using Clientele.Server.Scoring;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Clientele.Workflows.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary>
/// The data subject's rights, for admins: <c>DELETE /api/clients/{id}</c> (erasure), <c>GET /api/clients/{id}/export</c>
/// (subject access) and <c>POST /api/clients/{id}/consent</c> (objection, withdrawal, consent). Each is audited; an
/// erasure's audit entry names the client only by its keyed hash.
/// </summary>
public static class ClientRightsApi
{
    /// <summary>What an erasure removed, and the versions trained with clients erased since (retrain them).</summary>
    public sealed record ErasureView(string ClientHash, int Notes, int Concepts, int Predictions, IReadOnlyList<RetrainView> VersionsToRetrain)
    {
        /// <summary>The client's transactions (purchases and returns) removed.</summary>
        public int Transactions { get; init; }
    }

    /// <summary>A version that still carries erased clients.</summary>
    public sealed record RetrainView(string Version, int ErasedClients);

    /// <summary>Body of the consent route.</summary>
    public sealed record ConsentRequest(string? State);

    /// <summary>The consent state now recorded.</summary>
    public sealed record ConsentView(string ClientId, string State, DateTimeOffset At, bool Suppressed);

    /// <summary>Maps the three routes (called by <see cref="ClientsApi.MapClientsApi"/>).</summary>
    public static IEndpointRouteBuilder MapClientRightsApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/clients/{id}", Forget)
            .WithName("ForgetClient")
            .WithSummary("Erases a client (admin): notes, concepts, transactions, predictions and their history, consent, display name. The audit keeps only a keyed hash of the id; versions trained with it are listed to retrain.")
            .WithDescription("Encode the id as a path segment (a '/' is sent as %2F). SQLite files are scrubbed (secure_delete, WAL truncated); PostgreSQL needs a VACUUM (docs/SECURITY.md).")
            .Produces<ErasureView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireApiKey();

        app.MapGet("/api/clients/{id}/export", Export)
            .WithName("ExportClient")
            .WithSummary("Everything held about a client (admin, subject access): notes, concepts, transactions, predictions with reasons and model versions, consent, audit entries about it. Audited.")
            .Produces<ClientExport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Admin);

        app.MapPost("/api/clients/{id}/consent", Consent)
            .WithName("SetConsent")
            .WithSummary("Records a client's consent state (admin): {\"state\": \"objected\" | \"withdrawn\" | \"granted\"}. An objecting or withdrawn client is not scored (predict reports it as suppressed). Audited.")
            .Accepts<ConsentRequest>("application/json")
            .Produces<ConsentView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireApiKey();
        return app;
    }

    private static Results<Ok<ErasureView>, ProblemHttpResult> Forget(string id, HttpContext context, IClienteleStore store, SummaryCache cache, TimeProvider time)
    {
        id = RouteIds.Decode(context, id);
        var erasure = SubjectRights.Forget(store, id, time.GetUtcNow());
        context.Items[AuditedEndpoints.SubjectItem] = erasure.Removed.ClientHash;
        if (!erasure.Removed.Found)
        {
            return TypedResults.Problem(ServerMessages.UnknownClient(id), statusCode: StatusCodes.Status404NotFound, title: "Unknown client");
        }

        cache.Invalidate();
        var removed = erasure.Removed;
        return TypedResults.Ok(new ErasureView(removed.ClientHash, removed.Notes, removed.Concepts, removed.Predictions,
            erasure.VersionsToRetrain.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new RetrainView(v.Key, v.Value)).ToList())
        {
            Transactions = removed.Transactions,
        });
    }

    private static Results<Ok<ClientExport>, ProblemHttpResult> Export(string id, HttpContext context, IClienteleStore store, TimeProvider time)
    {
        id = RouteIds.Decode(context, id);
        var export = SubjectRights.Export(store, id, time.GetUtcNow());

        // An id the store does not hold (perhaps erased) is audited by its hash: the audit must not bring it back.
        context.Items[AuditedEndpoints.SubjectItem] = export is null ? store.ClientHash(id) : id;
        return export is not null
            ? TypedResults.Ok(export)
            : TypedResults.Problem(ServerMessages.UnknownClient(id), statusCode: StatusCodes.Status404NotFound, title: "Unknown client");
    }

    private static Results<Ok<ConsentView>, ProblemHttpResult> Consent(string id, ConsentRequest body, HttpContext context, IClienteleStore store, TimeProvider time)
    {
        id = RouteIds.Decode(context, id);
        context.Items[AuditedEndpoints.SubjectItem] = id;
        var state = body.State?.Trim().ToLowerInvariant();
        var at = time.GetUtcNow();
        if (state is null || !SubjectRights.SetConsent(store, id, state, at))
        {
            return TypedResults.Problem(ServerMessages.BadConsent(body.State), statusCode: StatusCodes.Status400BadRequest, title: "Bad consent state");
        }

        return TypedResults.Ok(new ConsentView(id, state, at, ConsentStates.Suppresses(state)));
    }
}
