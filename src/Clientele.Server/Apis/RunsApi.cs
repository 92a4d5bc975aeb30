using Clientele.Server.Schedules;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/runs</c> lists training and scheduled runs; <c>POST /api/runs/{kind}</c> starts a scheduled job now.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs", (IClienteleStore store, int? limit) => store.ListRuns(Math.Clamp(limit ?? 50, 1, 500)))
            .WithName("ListRuns")
            .WithSummary("Training and scheduled runs, newest first: kind, status, start, end, clients, model version, message.")
            .RequireAuthorization(Policies.Read);

        app.MapPost("/api/runs/{kind}", Results<Accepted<JobView>, ProblemHttpResult> (string kind, ScheduledWork work) =>
            {
                if (work.Create(kind) is null)
                {
                    return TypedResults.Problem(ServerMessages.UnknownRunKind(kind), statusCode: StatusCodes.Status404NotFound, title: "Unknown run kind");
                }

                return work.Enqueue(kind) is { } job
                    ? TypedResults.Accepted($"/api/jobs/{job.Id}", JobView.From(job))
                    : TypedResults.Problem(ServerMessages.QueueFull, statusCode: StatusCodes.Status429TooManyRequests, title: "Queue full");
            })
            .WithName("StartRun")
            .WithSummary("Runs a schedule now (API key): 'nightly-score', 'weekly-retrain' or 'retention'. Answers 202 with the job.")
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireApiKey();
        return app;
    }
}
