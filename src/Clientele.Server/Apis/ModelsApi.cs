using System.Text.Json.Nodes;
using Clientele.Core.Errors;
using Clientele.Server.Models;
using Clientele.Server.Scoring;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Clientele.Workflows.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Apis;

/// <summary><c>GET /api/models</c> lists versions with their metrics; <c>POST /api/models/{version}/activate</c> hot-swaps one in.</summary>
public static class ModelsApi
{
    /// <summary>
    /// A model version as listed: the report is the training report stored in the bundle; a version trained with
    /// clients erased since counts them in <c>trained_with_erased_clients</c> until a retrained version replaces it.
    /// </summary>
    public sealed record ModelView(string Version, string Tier, DateTimeOffset CreatedAt, bool Active, JsonNode? Report, int TrainedWithErasedClients = 0)
    {
        /// <summary>True when the version was trained with special-category data (<c>include_sensitive</c>), as its bundle records.</summary>
        public bool SensitiveIncluded { get; init; }
    }

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", (IClienteleStore store, ModelRegistry registry) =>
            {
                var active = registry.Current?.Version;
                var erased = store.ErasedMembersByVersion();
                return store.ListModelVersions()
                    .OrderByDescending(v => v.CreatedAt)
                    .Select(v => new ModelView(v.Version, v.Tier, v.CreatedAt, v.Version == active, Parse(v.MetricsJson), erased.GetValueOrDefault(v.Version))
                    {
                        SensitiveIncluded = VersionRecords.IncludesSensitive(v),
                    })
                    .ToList();
            })
            .WithName("ListModels")
            .WithSummary("Every registered model version, newest first, with its metrics, baseline, whether it is active and how many clients erased since it was trained on (trained_with_erased_clients: retrain it) and whether special-category data was included (sensitive_included: trained with include_sensitive).")
            .RequireAuthorization(Policies.Read);

        app.MapPost("/api/models/{version}/activate", Activate)
            .WithName("ActivateModel")
            .WithSummary("Makes a version the active model (API key); requests in flight finish on the previous one.")
            .Produces<ModelView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireApiKey();
        return app;
    }

    private static Results<Ok<ModelView>, ProblemHttpResult> Activate(string version, ModelRegistry registry, IClienteleStore store, SummaryCache cache, ILoggerFactory logs)
    {
        if (!VersionName.IsValid(version))
        {
            return TypedResults.Problem(ServerMessages.BadVersionName, statusCode: StatusCodes.Status400BadRequest, title: "Bad version name");
        }

        try
        {
            if (!registry.Activate(version))
            {
                return TypedResults.Problem(ServerMessages.UnknownVersion(version), statusCode: StatusCodes.Status404NotFound, title: "Unknown version");
            }
        }
        catch (Exception e) when (e is ClienteleInputException or IOException)
        {
            logs.CreateLogger(nameof(ModelsApi)).ActivationFailed(version, e.Message);
            return TypedResults.Problem(ServerMessages.VersionLoadFailed(version, e is ClienteleInputException c ? c.Detail : e.Message),
                statusCode: StatusCodes.Status409Conflict, title: "Version not loadable");
        }

        cache.Invalidate();
        var record = store.ListModelVersions().First(v => v.Version == version);
        return TypedResults.Ok(new ModelView(record.Version, record.Tier, record.CreatedAt, true, Parse(record.MetricsJson),
            store.ErasedMembersByVersion().GetValueOrDefault(record.Version)) { SensitiveIncluded = VersionRecords.IncludesSensitive(record) });
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
