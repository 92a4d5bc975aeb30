using Microsoft.AspNetCore.Http.Features;

namespace Clientele.Server.Hosting;

/// <summary>
/// One uploaded file, read whole into memory under the size limit (uploads are CSVs of at most
/// <see cref="ServerOptions.MaxUploadBytes"/>; reading them whole lets the parser report exact lines).
/// </summary>
public sealed record Upload(string Name, byte[] Bytes)
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

            await using var stream = file.OpenReadStream();
            return new Upload(SafeName(file.FileName, field), await ReadLimitedAsync(stream, limit, token));
        }

        var type = request.ContentType ?? string.Empty;
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = await ReadLimitedAsync(request.Body, limit, token);
            return new Upload("upload.csv", bytes);
        }

        return null;
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

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, long limit, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new UploadTooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The file name only (no client path), used in error messages.</summary>
    private static string SafeName(string? name, string fallback)
    {
        var file = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(file) ? fallback : file;
    }
}
