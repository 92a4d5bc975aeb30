using Clientele.Server.Scoring;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/clients</c> (filtered, paged) and <c>GET /api/clients/{id}</c> (scores, reasons, notes, concepts, history).</summary>
public static class ClientsApi
{
    /// <summary>A row of the client list.</summary>
    public sealed record ClientRow(string ClientId, string DisplayName, int NoteCount, DateOnly? LastNote, string? Languages,
        string? ModelVersion, DateTimeOffset? ScoredAt, ScoreView? Score);

    /// <summary>One page of the client list.</summary>
    public sealed record ClientPage(IReadOnlyList<ClientRow> Items, int Total, int Page, int PageSize);

    /// <summary>One past prediction.</summary>
    public sealed record HistoryEntry(string ModelVersion, DateTimeOffset ScoredAt, ScoreView Score);

    /// <summary>Everything about one client.</summary>
    public sealed record ClientDetail(ClientRow Client, IReadOnlyList<NoteRecord> Notes, IReadOnlyList<ConceptRecord> Concepts, IReadOnlyList<HistoryEntry> History)
    {
        /// <summary>The client's stored purchase history as of the request's date, with the BTYD figures of the active model.</summary>
        public Workflows.Purchases.PurchaseSummary? Purchases { get; init; }

        /// <summary>Special-category concepts (allergies, medical diets, religion) for the advisor: never a model reason.</summary>
        public IReadOnlyList<Workflows.Privacy.ServiceNotes.ServiceNote> ServiceNotes { get; init; } = [];
    }

    public static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients", Results<Ok<ClientPage>, ProblemHttpResult> (IClienteleStore store, string? segment, string? risk, string? q, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize) =>
            {
                var p = page ?? 1;
                var size = pageSize ?? 25;
                if (p < 1 || size is < 1 or > 500)
                {
                    return TypedResults.Problem(ServerMessages.BadPage, statusCode: StatusCodes.Status400BadRequest, title: "Bad page");
                }

                var (items, total) = store.QueryClients(new ClientQuery(Empty(segment), Empty(risk), Empty(q), p, size));
                return TypedResults.Ok(new ClientPage(items.Select(Row).ToList(), total, p, size));
            })
            .WithName("ListClients")
            .WithSummary("Clients with their latest scores; filter by value segment, risk segment and a search on id or name; paged (page, page_size).")
            .Produces<ClientPage>()
            .RequireAuthorization(Policies.Read);

        app.MapGet("/api/clients/{id}", Results<Ok<ClientDetail>, ProblemHttpResult> (string id, HttpContext context, IClienteleStore store, Models.ModelRegistry registry,
                TimeProvider time, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "as_of")] string? asOf) =>
            {
                // The API's as-of rule: the date given, else today (UTC).
                var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                if (!string.IsNullOrWhiteSpace(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out date))
                {
                    return TypedResults.Problem(ServerMessages.BadDate("as_of", asOf), statusCode: StatusCodes.Status400BadRequest, title: "Bad query");
                }

                // An id with '/' arrives as %2F, which routing leaves encoded: decoded here from the raw path.
                id = RouteIds.Decode(context, id);
                var client = store.GetClient(id);
                if (client is null)
                {
                    // Audited by its hash: a read of an erased client must not write its id back.
                    context.Items[AuditedEndpoints.SubjectItem] = store.ClientHash(id);
                    return TypedResults.Problem(ServerMessages.UnknownClient(id), statusCode: StatusCodes.Status404NotFound, title: "Unknown client");
                }

                var history = store.GetPredictionHistory(id);
                var concepts = store.GetConcepts(id);
                var detail = new ClientDetail(
                    Row(new ClientSummary(client, history.Count > 0 ? history[0] : null)),
                    store.GetNotes(id),
                    concepts,
                    history.Select(h => new HistoryEntry(h.ModelVersion, h.ScoredAt, ScoreView.From(h.Score))).ToList())
                {
                    Purchases = Workflows.Purchases.PurchaseSummary.Of(store.GetTransactions(id), date, registry.Current?.Bundle.Featurizer.Purchases,
                        registry.Current is null ? Workflows.WorkflowMessages.NoActiveBtyd : Workflows.WorkflowMessages.BundleWithoutBtyd),
                    ServiceNotes = Workflows.Privacy.ServiceNotes.Of(concepts),
                };
                return TypedResults.Ok(detail);
            })
            .WithName("GetClient")
            .WithSummary("One client: latest scores and reasons, notes, detected concepts, service notes (allergies, medical diets, religion: for advisors, never a model reason), score history (newest first), purchases.")
            .WithDescription("Encode the id as a path segment (a '/' in an id is sent as %2F). Audited as client-read. 'purchases' holds the stored transactions on or before as_of (yyyy-MM-dd, default today UTC; later ones counted in after_as_of), days since the last purchase, net spend, orders, and 'btyd' (P(alive), expected purchases in the horizon, BTYD CLV) from the active model's fitted BG/NBD + Gamma-Gamma, or null with 'btyd_reason'.")
            .Produces<ClientDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Read);
        return app.MapClientRightsApi();
    }

    private static ClientRow Row(ClientSummary s) => new(s.Client.ClientId, s.Client.DisplayName, s.Client.NoteCount, s.Client.LastNote, s.Client.Languages,
        s.Latest?.ModelVersion, s.Latest?.ScoredAt, s.Latest is null ? null : ScoreView.From(s.Latest.Score));

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
