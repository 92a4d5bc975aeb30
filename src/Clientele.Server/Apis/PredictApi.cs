using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Server.Hosting;
using Clientele.Server.Models;
using Clientele.Server.Scoring;
using Clientele.Storage.Store;
using Clientele.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Apis;

/// <summary><c>POST /api/predict</c>: score an uploaded notes CSV with the active model.</summary>
public static class PredictApi
{
    public static IEndpointRouteBuilder MapPredictApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/predict", Predict)
            .WithName("Predict")
            .WithSummary("Scores a notes CSV (multipart field 'file' or a text/csv body) with the active model.")
            .WithDescription("Returns a JSON array of scores, or CSV with 'Accept: text/csv'. With ?store=true (API key) the clients, notes, concepts and predictions are also saved.")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain")
            .Produces<List<ScoreView>>()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Predict(HttpContext context, [FromQuery(Name = "store")] bool? save, ModelRegistry registry,
        IClienteleStore store, SummaryCache cache, IOptions<ServerOptions> options, CancellationToken token)
    {
        if (save == true && ApiKeyCheck.Verify(context) is { } denied)
        {
            return denied;
        }

        // One snapshot for the whole request: a concurrent activation cannot change the model half-way.
        var snapshot = registry.Current;
        if (snapshot is null)
        {
            return Results.Problem(ServerMessages.NoActiveModel, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No active model");
        }

        var upload = await Upload.ReadAsync(context.Request, "file", options.Value.MaxUploadBytes, token);
        if (upload is null)
        {
            return Results.Problem(ServerMessages.NoUpload, statusCode: StatusCodes.Status400BadRequest, title: "No notes");
        }

        var report = new IngestReport(upload.Name);
        var notes = NotesUpload.Read(upload, report);
        var profiles = ProfileBuilder.FromNotes(snapshot.Matcher, notes);
        var scores = snapshot.Scorer.Score(profiles);
        if (save == true)
        {
            var (clients, concepts) = RecordMapper.From(profiles, notes, snapshot.Bundle.Lexicon);
            store.SaveClients(clients, notes, concepts);
            store.SavePredictions(RecordMapper.Predictions(scores, snapshot.Version, DateTimeOffset.UtcNow));
            cache.Invalidate();
        }

        var headers = context.Response.Headers;
        headers["X-Model-Version"] = snapshot.Version;
        headers["X-Rows-Accepted"] = report.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-Rows-Rejected"] = report.Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(ToCsv(scores), "text/csv; charset=utf-8")
            : Results.Ok(scores.Select(ScoreView.From).ToList());
    }

    /// <summary>The same CSV the CLI's predict writes (DESIGN §9 columns).</summary>
    private static string ToCsv(IEnumerable<Core.Scoring.ClientScore> scores)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Core.Scoring.ScoresCsv.Write(writer, scores);
        return writer.ToString();
    }
}
