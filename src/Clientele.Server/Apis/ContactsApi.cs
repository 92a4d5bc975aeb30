using System.Text.RegularExpressions;
using Clientele.Core.Worklist;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary>
/// <c>POST /api/contacts</c> (an advisor or admin logs a contact; it keeps the client off the worklist for a while) and
/// <c>GET /api/clients/{id}/contacts</c> (the client's contacts, newest first).
/// </summary>
public static partial class ContactsApi
{
    /// <summary>A contact to log. <c>date</c> defaults to today (UTC).</summary>
    public sealed record ContactBody(string? ClientId, string? Outcome, string? Channel, DateOnly? Date);

    /// <summary>A logged contact as the API shows it.</summary>
    public sealed record ContactView(string ClientId, DateOnly Date, string Channel, string Outcome, string? Advisor, DateTimeOffset RecordedAt);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,39}$")]
    private static partial Regex OutcomePattern();

    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/contacts", Results<Created<ContactView>, ProblemHttpResult> (ContactBody body, HttpContext context, IClienteleStore store, TimeProvider time) =>
            {
                var clientId = body.ClientId?.Trim();
                if (string.IsNullOrEmpty(clientId))
                {
                    return Bad(ServerMessages.ContactClientMissing);
                }

                var channel = body.Channel?.Trim() ?? string.Empty;
                if (!PlaybookYaml.Channels.Contains(channel, StringComparer.Ordinal))
                {
                    return Bad(ServerMessages.BadChannel(channel));
                }

                var outcome = body.Outcome?.Trim() ?? string.Empty;
                if (!OutcomePattern().IsMatch(outcome))
                {
                    return Bad(ServerMessages.BadOutcome);
                }

                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var date = body.Date ?? today;
                if (date > today)
                {
                    return Bad(ServerMessages.ContactInFuture);
                }

                if (!MayTouch(context, store, clientId))
                {
                    return TypedResults.Problem(ServerMessages.OtherAdvisor, statusCode: StatusCodes.Status403Forbidden, title: "Other advisor");
                }

                var record = new ContactRecord(clientId, date, channel, outcome, context.User.Advisor(), context.User.KeyId(), time.GetUtcNow());
                store.SaveContact(record);
                return TypedResults.Created($"/api/clients/{Uri.EscapeDataString(clientId)}/contacts", View(record));
            })
            .WithName("LogContact")
            .WithSummary("Logs a contact with a client (client_id, outcome, channel, date): the client leaves the worklist for the quiet period (21 days by default).")
            .WithDescription("channel: phone, email, message, letter or in_store; outcome: a short word (reached, no_answer, appointment, purchase…), never note text; date: yyyy-MM-dd, not after today, default today. An advisor key logs only for its own clients (or clients with no advisor).")
            .Accepts<ContactBody>("application/json")
            .Produces<ContactView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.Contacts);

        app.MapGet("/api/clients/{id}/contacts", Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult> (string id, HttpContext context, IClienteleStore store) =>
            {
                id = RouteIds.Decode(context, id);
                if (!MayTouch(context, store, id))
                {
                    return TypedResults.Problem(ServerMessages.OtherAdvisor, statusCode: StatusCodes.Status403Forbidden, title: "Other advisor");
                }

                return TypedResults.Ok<IReadOnlyList<ContactView>>(store.GetContacts(id).Select(View).ToList());
            })
            .WithName("GetClientContacts")
            .WithSummary("One client's logged contacts, newest first.")
            .WithDescription("Encode the id as a path segment (a '/' in an id is sent as %2F).")
            .Produces<IReadOnlyList<ContactView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.Read);
        return app;
    }

    /// <summary>An advisor key may touch a client that is its own or has no advisor; other roles any client.</summary>
    private static bool MayTouch(HttpContext context, IClienteleStore store, string clientId)
    {
        if (context.User.Role() != Storage.Keys.Roles.Advisor)
        {
            return true;
        }

        return !store.Advisors().TryGetValue(clientId, out var advisor) || string.Equals(advisor, context.User.Advisor(), StringComparison.OrdinalIgnoreCase);
    }

    private static ContactView View(ContactRecord r) => new(r.ClientId, r.Date, r.Channel, r.Outcome, r.Advisor, r.RecordedAt);

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad contact");
}
