using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Server.Hosting;
using Clientele.Server.Jobs;
using Clientele.Server.Schedules;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Clientele.Workflows.Notes;
using Clientele.Workflows.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Apis;

/// <summary><c>POST /api/train</c>: reads the training inputs of the request and queues a job that trains a version.</summary>
public static class TrainApi
{
    public static IEndpointRouteBuilder MapTrainApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/train", Train)
            .WithName("Train")
            .WithSummary("Starts training a model version in the background (API key).")
            .WithDescription("Multipart fields, all optional: 'notes' (CSV; default: the notes in the store), 'labels' (CSV; default: smart labels), 'tier' (fast|elite, default elite), 'activate' (true to activate when done), 'class_weights' (none|balanced), 'max_bad_rows' (a count or N%; default 0: any rejected row is a 400), 'merge_extra_fields' (true to rejoin an unquoted comma into the note), 'allow_small' (true to fit fewer than 50 labelled clients), 'include_sensitive' (true to let health and religion concepts and words into the model; recorded in the bundle), 'transactions' (CSV; default: the transactions in the store, when any, POST /api/transactions). With purchase history the job trains as `train --transactions` does: outcomes from the purchases after the cutoff (as-of = the newest input date, minus 365 days), RFM and BG/NBD + Gamma-Gamma features; a labels file wins for the targets it has. Answers 202 with the job.")
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery()
            .RequireApiKey();
        return app;
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> Train(HttpContext context, JobRunner queue, TrainingRunner runner,
        IClienteleStore store, IOptions<ServerOptions> options, CancellationToken token)
    {
        var limit = options.Value.MaxUploadBytes;
        Upload? notesFile = null, labelsFile = null, transactionsFile = null;
        string? tierText = null, activateText = null, weightsText = null, smallText = null, sensitiveText = null;
        IFormCollection? form = null;
        if (context.Request.HasFormContentType)
        {
            form = await Upload.ReadFormAsync(context.Request, limit, token);
            notesFile = await Upload.ReadAsync(context.Request, "notes", limit, token);
            labelsFile = await Upload.ReadAsync(context.Request, "labels", limit, token);
            transactionsFile = await Upload.ReadAsync(context.Request, "transactions", limit, token);
            tierText = form["tier"].ToString();
            activateText = form["activate"].ToString();
            weightsText = form["class_weights"].ToString();
            smallText = form["allow_small"].ToString();
            sensitiveText = form["include_sensitive"].ToString();
        }

        var ingest = IngestOptions.From(context.Request, form);
        smallText = string.IsNullOrWhiteSpace(smallText) ? context.Request.Query["allow_small"].ToString() : smallText;
        sensitiveText = string.IsNullOrWhiteSpace(sensitiveText) ? context.Request.Query["include_sensitive"].ToString() : sensitiveText;
        var includeSensitive = false;
        if (!string.IsNullOrWhiteSpace(sensitiveText) && !bool.TryParse(sensitiveText, out includeSensitive))
        {
            return TypedResults.Problem(ServerMessages.BadIncludeSensitive, statusCode: StatusCodes.Status400BadRequest, title: "Bad include_sensitive");
        }

        tierText = string.IsNullOrWhiteSpace(tierText) ? context.Request.Query["tier"].ToString() : tierText;
        activateText = string.IsNullOrWhiteSpace(activateText) ? context.Request.Query["activate"].ToString() : activateText;
        weightsText = string.IsNullOrWhiteSpace(weightsText) ? context.Request.Query["class_weights"].ToString() : weightsText;
        var classWeights = ClassWeighting.None;
        if (!string.IsNullOrWhiteSpace(weightsText) && !(Enum.TryParse(weightsText, ignoreCase: true, out classWeights) && Enum.IsDefined(classWeights)))
        {
            return TypedResults.Problem(ServerMessages.BadClassWeights, statusCode: StatusCodes.Status400BadRequest, title: "Bad class weights");
        }

        var tier = Tier.Elite;
        if (!string.IsNullOrWhiteSpace(tierText) && !(Enum.TryParse(tierText, ignoreCase: true, out tier) && Enum.IsDefined(tier) && !int.TryParse(tierText, out _)))
        {
            return TypedResults.Problem(ServerMessages.BadTier, statusCode: StatusCodes.Status400BadRequest, title: "Bad tier");
        }

        // Inputs are parsed now, so a bad file is a 400 on this request rather than a failed job later.
        var (purchases, purchasesSource) = TrainingPurchases(store, transactionsFile);
        List<Note> notes;
        byte[] notesDigest;
        if (notesFile is not null)
        {
            notesDigest = notesFile.Digest();
            notes = Scoring.NotesUpload.Read(notesFile, new IngestReport(notesFile.Name), ingest.Csv);
        }
        else
        {
            notes = StoredNotes.ReadAll(store, token);
            if (notes.Count == 0 && purchases is null)
            {
                return TypedResults.Problem(ServerMessages.NoStoredNotes, statusCode: StatusCodes.Status400BadRequest, title: "No notes");
            }

            notesDigest = DataFingerprint.Digest(notes);
        }

        LabelSet? labels = null;
        if (labelsFile is not null)
        {
            using var labelsReader = CsvInput.OpenText(labelsFile.Open());
            labels = LabelsCsv.Read(labelsReader, labelsFile.Name, new IngestReport(labelsFile.Name), ingest.MaxBadRows);
            // Too few real labels make a model whose metrics are noise: a 400 now, unless allow_small=true.
            LabelSufficiency.Require(labels, notes.Select(n => n.ClientId), bool.TryParse(smallText, out var small) && small);
        }

        var fingerprint = DataFingerprint.Of(notesDigest, labelsFile?.Digest());
        var request = new TrainingRequest(notes, labels, tier, bool.TryParse(activateText, out var a) && a, fingerprint, classWeights)
        {
            IncludeSensitive = includeSensitive,
            Purchases = purchases,
            PurchasesSource = purchasesSource,
        };
        var job = new Job(RunKinds.Train, (job, ct) =>
        {
            runner.Run(job, request, ct);
            return Task.CompletedTask;
        })
        {
            Describe = () => TrainingPayload.Write(request),
        };
        if (!queue.TryEnqueue(job))
        {
            return TypedResults.Problem(ServerMessages.QueueFull, statusCode: StatusCodes.Status429TooManyRequests, title: "Queue full");
        }

        return TypedResults.Accepted($"/api/jobs/{job.Id}", JobView.From(job));
    }

    /// <summary>
    /// The purchase history a train job uses: the uploaded 'transactions' file (read strictly, not stored: storing is
    /// POST /api/transactions), else the store's transactions; null when there are none (the notes alone).
    /// </summary>
    private static (Core.History.PurchaseLedger? Ledger, string Source) TrainingPurchases(IClienteleStore store, Upload? upload)
    {
        if (upload is null)
        {
            return (Workflows.Purchases.StoredTransactions.Ledger(store), "stored transactions");
        }

        // The upload's extra columns (category, store …) come along: the transaction column block reads them.
        var file = TransactionsApi.Read(upload, reader => Workflows.Purchases.StoredTransactions.ReadFile(reader, upload.Name));
        return (Core.History.PurchaseLedger.From(file.Transactions, file.Details), upload.Name);
    }
}
