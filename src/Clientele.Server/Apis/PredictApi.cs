using Clientele.Workflows.Notes;
using System.Globalization;
using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Server.Hosting;
using Clientele.Server.Models;
using Clientele.Server.Scoring;
using Clientele.Storage.Store;
using Clientele.Server.Security;
using Clientele.Workflows;
using Clientele.Workflows.Scoring;
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
            .WithDescription("Returns a JSON array of scores, or CSV with 'Accept: text/csv'. Scores are as of ?as_of=yyyy-MM-dd, default today (UTC); notes dated after it are left out and counted in X-Notes-After-As-Of. Clients who objected to profiling or withdrew consent (POST /api/clients/{id}/consent) are not scored nor stored; X-Clients-Suppressed counts them, and so are clients whose latest row in an optional 'consent' column says no/withdrawn or objected (recorded as their consent with ?store=true; an unknown value is a 400). Uploads are parsed one at a time (Clientele:MaxConcurrentUploads): beyond the queue, 503 with Retry-After. With ?store=true (API key) the clients, notes, concepts and predictions are also saved. Any rejected row is a 400 naming the rows unless max_bad_rows (a count or N%) allows it; with max_bad_rows or merge_extra_fields the JSON answer is {scores, ingest} listing warnings and rejections by line and column.")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain")
            .Produces<List<ScoreView>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Predict(HttpContext context, [FromQuery(Name = "store")] bool? save, [FromQuery(Name = "as_of")] string? asOfText,
        ModelRegistry registry, IClienteleStore store, SummaryCache cache, TimeProvider time, IOptions<ServerOptions> options, CancellationToken token)
    {
        // One as-of rule everywhere: the date given, else today (UTC) — never the newest date of the upload.
        DateOnly asOf;
        if (asOfText is null)
        {
            asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        }
        else if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return TypedResults.Problem(ServerMessages.BadAsOf(asOfText), statusCode: StatusCodes.Status400BadRequest, title: "Bad as_of");
        }

        if (save == true && ApiKeyCheck.Verify(context) is { } denied)
        {
            return denied;
        }

        // One snapshot for the whole request: a concurrent activation cannot change the model half-way.
        var snapshot = registry.Current;
        if (snapshot is null)
        {
            return TypedResults.Problem(ServerMessages.NoActiveModel, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No active model");
        }

        var upload = await Upload.ReadAsync(context.Request, "file", options.Value.MaxUploadBytes, token);
        if (upload is null)
        {
            return TypedResults.Problem(ServerMessages.NoUpload, statusCode: StatusCodes.Status400BadRequest, title: "No notes");
        }

        var ingest = IngestOptions.From(context.Request, context.Request.HasFormContentType ? await Upload.ReadFormAsync(context.Request, options.Value.MaxUploadBytes, token) : null);
        var report = new IngestReport(upload.Name);
        var notes = NotesUpload.Read(upload, report, ingest.Csv);
        var afterAsOf = notes.RemoveAll(n => n.Date > asOf);
        // Profiles are made from the text as sent; the copy kept in the store is pseudonymised.
        var toStore = save == true && (options.Value.Pseudonymise || options.Value.RedactNames)
            ? Workflows.Privacy.Pseudonymised.Notes(notes, options.Value.Pseudonymise, options.Value.RedactNames)
            : notes;
        if (save == true)
        {
            // A stored client's profile is all its notes: the earlier ones go before the upload (and are not stored twice).
            var earlier = StoredNotes.Earlier(store, toStore, asOf);
            notes = [.. earlier, .. notes];
            toStore = [.. earlier, .. toStore];
        }

        // Clients who objected to profiling or withdrew consent are neither scored nor stored; counted in a header.
        var all = ProfileBuilder.FromNotes(snapshot.Matcher, notes);
        var (profiles, suppressed) = Workflows.Privacy.SubjectRights.WithoutSuppressed(all, store.SuppressedClients());
        if (save == true)
        {
            // Withdrawals and objections stated in the upload's consent column are kept, as the consent route keeps them.
            Workflows.Privacy.SubjectRights.RecordStatedConsent(store, all, context.User.KeyId(), context.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow());
        }

        if (suppressed > 0)
        {
            context.RequestServices.GetRequiredService<AuditTrail>().Record(context, AuditTrail.ScoringSuppressed, null,
                suppressed.ToString(CultureInfo.InvariantCulture));
        }

        var csv = context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? new StringWriter(CultureInfo.InvariantCulture)
            : null;
        var request = new ScoreRequest(snapshot.ExplainingScorer, snapshot.Version, profiles)
        {
            AsOf = asOf,
            // A bundle trained with purchase history reads the uploaded clients' stored purchases (POST /api/transactions).
            Purchases = Workflows.Purchases.StoredTransactions.ForScoring(store, snapshot.Bundle, profiles.Select(p => p.ClientId).ToList()),
            Notes = toStore,
            WriteCsv = csv is null ? null : body => body(csv),
            Store = save == true ? StoreAccess.Shared(store) : StoreAccess.None,
        };
        var scores = new ScoreAndRecord(time).Run(request, progress: null, new Dictionary<string, double>(StringComparer.Ordinal), token);
        if (save == true)
        {
            cache.Invalidate();
        }

        var headers = context.Response.Headers;
        headers["X-Model-Version"] = snapshot.Version;
        headers["X-Rows-Accepted"] = report.Accepted.ToString(CultureInfo.InvariantCulture);
        headers["X-Rows-Rejected"] = report.Rejected.ToString(CultureInfo.InvariantCulture);
        headers["X-Rows-Warnings"] = report.Warnings.ToString(CultureInfo.InvariantCulture);
        headers["X-As-Of"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        headers["X-Notes-After-As-Of"] = afterAsOf.ToString(CultureInfo.InvariantCulture);
        headers["X-Clients-Suppressed"] = suppressed.ToString(CultureInfo.InvariantCulture);
        if (csv is not null)
        {
            return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
        }

        var views = scores.Select(ScoreView.From).ToList();
        return ingest.Given ? TypedResults.Ok(new PredictWithIngest(views, IngestOptions.View(report))) : TypedResults.Ok(views);
    }
}
