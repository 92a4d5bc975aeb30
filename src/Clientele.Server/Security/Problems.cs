namespace Clientele.Server.Security;

/// <summary>Writes an RFC 7807 problem document from places that have no endpoint result to return (schemes, middleware).</summary>
internal static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "60";
        }

        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
