using Microsoft.AspNetCore.Http.Features;

namespace Clientele.Server.Hosting;

/// <summary>
/// One uploaded file, never held whole in memory: <see cref="Open"/> streams it into the CSV reader. A <c>text/csv</c>
/// body streams straight from the connection (once; the size limit checked as it is read); a multipart file part is
/// the one ASP.NET's form reader keeps (in memory up to 64 KB, beyond that in a temporary file it deletes when the
/// request ends), and may be opened again (a digest, then the parse).
/// </summary>
public sealed record Upload(string Name, Func<Stream> Open)
{
    /// <summary>Largest non-file form field (tier, activate…): such values are words; a note file goes in a file part.</summary>
    public const int MaxFieldBytes = 1024 * 1024;

    /// <summary>
    /// The file from multipart field <paramref name="field"/>, or the raw body when it is <c>text/csv</c>
    /// (or <c>text/plain</c>); null when neither was sent.
    /// </summary>
    public static async Task<Upload?> ReadAsync(HttpRequest request, string field, long limit, CancellationToken token)
    {
        if (request.ContentLength > limit)
        {
            throw new UploadTooLargeException(limit);
        }

        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, limit, token);
            var file = form.Files.GetFile(field);
            if (file is null)
            {
                return null;
            }

            if (file.Length > limit)
            {
                throw new UploadTooLargeException(limit);
            }

            return new Upload(SafeName(file.FileName, field), file.OpenReadStream);
        }

        var type = request.ContentType ?? string.Empty;
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            // The CSV reader reads synchronously; the body is read as it parses instead of being copied first. The
            // thread it blocks is one of the few the upload concurrency limit lets in (RateLimits.Uploads).
            if (request.HttpContext.Features.Get<IHttpBodyControlFeature>() is { } control)
            {
                control.AllowSynchronousIO = true;
            }

            var opened = 0;
            return new Upload("upload.csv", () => Interlocked.Exchange(ref opened, 1) == 0
                ? new LimitedStream(request.Body, limit)
                : throw new InvalidOperationException("a text/csv request body can be read once"));
        }

        return null;
    }

    /// <summary>SHA-256 of the upload's bytes, streamed (the fingerprint of a training's data).</summary>
    public byte[] Digest()
    {
        using var stream = Open();
        return System.Security.Cryptography.SHA256.HashData(stream);
    }

    /// <summary>Reads the form once; a form over the limit becomes a 413, not a 500.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, long limit, CancellationToken token)
    {
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = MaxFieldBytes }, token);

            // FormOptions.ValueLengthLimit holds for url-encoded forms only; a multipart field is checked here.
            if (form.Any(f => f.Value.Sum(v => v?.Length ?? 0) > MaxFieldBytes))
            {
                throw new Core.Errors.ClienteleInputException("upload", null, null, ServerMessages.BadMultipart(ServerMessages.FieldTooLarge(MaxFieldBytes)));
            }

            return form;
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadTooLargeException(limit);
        }
        catch (InvalidDataException e)
        {
            // A missing boundary, a field over the limit, a malformed part: the client's to fix, so 400, not 413 or 500.
            throw new Core.Errors.ClienteleInputException("upload", null, null, ServerMessages.BadMultipart(e.Message.Contains("value length limit", StringComparison.OrdinalIgnoreCase)
                ? ServerMessages.FieldTooLarge(MaxFieldBytes) : ServerMessages.MalformedMultipart));
        }
        catch (IOException) when (!token.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The body ended before the closing boundary.
            throw new Core.Errors.ClienteleInputException("upload", null, null, ServerMessages.BadMultipart(ServerMessages.UnterminatedMultipart));
        }
    }

    /// <summary>The file name only (no client path), used in error messages.</summary>
    private static string SafeName(string? name, string fallback)
    {
        var file = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(file) ? fallback : file;
    }
}
