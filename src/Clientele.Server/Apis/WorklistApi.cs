using System.Globalization;
using Clientele.Core.Worklist;
using Clientele.Server.Models;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Clientele.Workflows.Worklist;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/worklist</c>: whom to contact, the action, due date and reason, from the stored clients and the active model.</summary>
public static class WorklistApi
{
    /// <summary>One row of the worklist.</summary>
    public sealed record WorklistRow(string ClientId, string Advisor, string Action, string ActionLabel, string Channel, int Priority, DateOnly Due,
        string Reason, DateOnly? LastContact, int? DaysSincePurchase, string Rule);

    /// <summary>The worklist as of a date, with how many clients were held out, recently contacted or due later.</summary>
    public sealed record WorklistView(DateOnly AsOf, int Days, string? Advisor, IReadOnlyList<WorklistRow> Items, int HeldOut, int RecentlyContacted, int DueLater);

    public static IEndpointRouteBuilder MapWorklistApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/worklist", Results<Ok<WorklistView>, ProblemHttpResult> (HttpContext context, IClienteleStore store, ModelRegistry registry, string? advisor,
                [Microsoft.AspNetCore.Mvc.FromQuery(Name = "as_of")] string? asOf, int? days, string? language, CancellationToken token) =>
            {
                if (registry.Current is not { } model)
                {
                    return TypedResults.Problem(ServerMessages.NoActiveModel, statusCode: StatusCodes.Status409Conflict, title: "No active model");
                }

                var date = DateOnly.FromDateTime(DateTime.UtcNow);
                if (!string.IsNullOrWhiteSpace(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    return Bad(ServerMessages.BadDate("as_of", asOf));
                }

                if (days is < 0 or > 366)
                {
                    return Bad(ServerMessages.BadWorklistDays);
                }

                var lang = string.IsNullOrWhiteSpace(language) ? WorklistPhrases.Fallback : language.Trim();
                if (!WorklistPhrases.Has(lang))
                {
                    return Bad(ServerMessages.BadLanguage(lang));
                }

                // An advisor key sees its own clients only, whatever it asks for.
                var scope = OwnAdvisor(context, advisor, out var refused);
                if (refused)
                {
                    return TypedResults.Problem(ServerMessages.OtherAdvisor, statusCode: StatusCodes.Status403Forbidden, title: "Other advisor");
                }

                var options = new WorklistOptions { Days = days ?? Core.Defaults.WorklistDays, Advisor = scope, Language = lang };
                var result = StoredWorklist.Run(store, model.Scorer, model.Matcher, date, Playbook.Default, options, token);
                var rows = result.Listed.Select(e => new WorklistRow(e.ClientId, e.Advisor, e.Action, e.ActionLabel, e.Channel, e.Priority, e.Due, e.Reason,
                    e.LastContact, e.DaysSincePurchase, e.Rule)).ToList();
                return TypedResults.Ok(new WorklistView(date, options.Days, scope, rows, result.HeldOut.Count, result.RecentlyContacted, result.DueLater));
            })
            .WithName("GetWorklist")
            .WithSummary("The worklist of the stored clients under the shipped playbook, scored with the active model as of as_of (default today, UTC): actions due within days (default 14), by priority then due date.")
            .WithDescription("advisor limits it to one advisor's clients (an advisor key always sees its own only); language en or fr for labels and reasons. Clients held out as the control group and clients contacted recently are counted, not listed.")
            .Produces<WorklistView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Read);
        return app;
    }

    /// <summary>
    /// The advisor whose clients a request may see: an advisor key's own (a different one asked for is refused), the
    /// asked one for viewers and admins, or null (everyone's).
    /// </summary>
    internal static string? OwnAdvisor(HttpContext context, string? asked, out bool refused)
    {
        refused = false;
        asked = string.IsNullOrWhiteSpace(asked) ? null : asked.Trim();
        if (context.User.Role() != Storage.Keys.Roles.Advisor)
        {
            return asked;
        }

        var own = context.User.Advisor();
        refused = asked is not null && !string.Equals(asked, own, StringComparison.OrdinalIgnoreCase);
        return own;
    }

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad query");
}
