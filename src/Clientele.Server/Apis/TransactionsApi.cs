using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Server.Hosting;
using Clientele.Server.Scoring;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Clientele.Workflows.Purchases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Apis;

/// <summary>
/// <c>POST /api/transactions</c> (admin: it writes personal data): appends a transactions CSV to the store,
/// idempotently, read by the CLI's reader with its strictness (any bad row is a 400 naming file, line and column,
/// and nothing is stored). Train jobs and scorings on the server then read the stored purchase history.
/// </summary>
public static class TransactionsApi
{
    /// <summary>Form or query field naming the decimal mark of the amounts ('.' or ',').</summary>
    public const string DecimalField = "decimal";

    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/transactions", Post)
            .WithName("PostTransactions")
            .WithSummary("Appends purchase transactions to the store (admin): a CSV client_id,date,amount plus optional order_id, currency, quantity, product, category, store, advisor; as multipart field 'transactions' or a text/csv body.")
            .WithDescription("Idempotent: a row whose order_id is already stored with the same content, or (without an order_id) whose client, date, amount and currency are already stored as many times, is a duplicate and not stored again. Answers {read, new, duplicates, clients}. Any bad row, mixed currencies, or an order_id stored with other content is a 400 naming file, line and column, and nothing is stored. decimal=, reads '1.234,56' amounts. Amounts are encrypted at rest under the data key when one is configured. Audited as transactions-upload.")
            .Produces<TransactionAppend>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .RequireApiKey();
        return app;
    }

    private static async Task<Results<Ok<TransactionAppend>, ProblemHttpResult>> Post(HttpContext context, IClienteleStore store, SummaryCache cache,
        IOptions<ServerOptions> options, CancellationToken token)
    {
        var limit = options.Value.MaxUploadBytes;
        var upload = await Upload.ReadAsync(context.Request, "transactions", limit, token);
        if (upload is null)
        {
            return TypedResults.Problem(ServerMessages.NoTransactionsUpload, statusCode: StatusCodes.Status400BadRequest, title: "No transactions");
        }

        var form = context.Request.HasFormContentType ? await Upload.ReadFormAsync(context.Request, limit, token) : null;
        if (CsvOptions(context.Request, form) is not { } csv)
        {
            return TypedResults.Problem(ServerMessages.BadDecimal(Field(context.Request, form, DecimalField)), statusCode: StatusCodes.Status400BadRequest, title: "Bad decimal");
        }

        var appended = Read(upload, reader => StoredTransactions.Append(store, reader, upload.Name, csv));
        cache.Invalidate();
        return TypedResults.Ok(appended);
    }

    /// <summary>The reader options of the request; null when the decimal field is not a decimal mark.</summary>
    internal static TransactionsCsvOptions? CsvOptions(HttpRequest request, IFormCollection? form) =>
        Field(request, form, DecimalField) switch
        {
            "" or "." => TransactionsCsvOptions.Default,
            "," => new TransactionsCsvOptions { DecimalComma = true },
            _ => null,
        };

    /// <summary>Runs <paramref name="work"/> on the text of an upload; bytes that are not text are a 400 naming the upload, as for notes.</summary>
    internal static T Read<T>(Upload upload, Func<TextReader, T> work)
    {
        try
        {
            using var reader = CsvInput.OpenText(upload.Open());
            return work(reader);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ClienteleInputException(upload.Name, null, null, Messages.NotValidText, e);
        }
    }

    private static string Field(HttpRequest request, IFormCollection? form, string name)
    {
        var value = form?[name].ToString();
        return (string.IsNullOrWhiteSpace(value) ? request.Query[name].ToString() : value).Trim();
    }
}
