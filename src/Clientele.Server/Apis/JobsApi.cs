using Clientele.Server.Jobs;
using Clientele.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/jobs/{id}</c> follows any background job (training, nightly scoring, weekly retraining).</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id}", Get)
            .WithName("GetJob")
            .WithSummary("Status, progress and result metrics of a background job.")
            .Produces<JobView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Read);
        return app;
    }

    private static Results<Ok<JobView>, ProblemHttpResult> Get(string id, JobRunner queue) =>
        queue.Find(id) is { } job ? TypedResults.Ok(JobView.From(job)) : TypedResults.Problem(ServerMessages.UnknownJob(id), statusCode: StatusCodes.Status404NotFound);
}
