using Clientele.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Clientele.Server.Hosting;

/// <summary>
/// Turns exceptions into RFC 7807 problem documents: a bad upload is a 400 naming file, line and column;
/// an oversized one a 413; anything else a 500 with a fixed text. Never a stack trace on the wire.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            ClienteleInputException e => (StatusCodes.Status400BadRequest, "Unusable input", e.Message),
            UploadTooLargeException e => (StatusCodes.Status413PayloadTooLarge, "Upload too large", e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Upload too large", ServerMessages.TooLarge(MaxBody(httpContext))),
            BadHttpRequestException e => (e.StatusCode, "Bad request", "the request could not be read"),
            _ => (StatusCodes.Status500InternalServerError, "Server error", ServerMessages.Internal),
        };
        if (status >= 500)
        {
            log.UnhandledError(exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            // The message names file, line and column only, never the content of a note.
            log.RequestRefused(status, httpContext.Request.Path, title);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static long MaxBody(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value.MaxUploadBytes;
}
