using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Issue 15, item 3: uploads are parsed a few at a time and streamed; the excess is refused at once, /health answers.</summary>
public sealed class UploadLimitTests
{
    [Fact]
    public async Task An_upload_beyond_the_parsing_slots_and_queue_answers_503_with_retry_after_while_health_answers_and_the_held_one_succeeds()
    {
        await using var host = await SecureHost.StartAsync(o =>
        {
            o.MaxConcurrentUploads = 1;
            o.UploadQueue = 0;
        });
        using var first = host.Client();
        using var second = host.Client();
        var csv = NoteGenerator.Csv(20, seed: 3, idPrefix: "H");
        var held = new HeldContent(csv);
        var holding = first.PostAsync("/api/predict", held);
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500); // the server has taken the slot once the request's head and first bytes arrived

        var refused = await second.PostAsync("/api/predict", Http.CsvBody(csv));
        var health = await second.GetAsync("/health");
        var models = await second.GetAsync("/api/models");
        held.Release();
        var done = await holding;

        Assert.Contains("parsing as many uploads", await refused.Problem(503), StringComparison.Ordinal);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(20, (await done.Json()).GetArrayLength());
        Assert.Equal(20, (await (await second.PostAsync("/api/predict", Http.File(csv))).Json()).GetArrayLength());
    }

    [Fact]
    public async Task A_chunked_text_csv_body_over_the_limit_is_a_413_while_it_streams()
    {
        await using var host = await SecureHost.StartAsync(o => o.MaxUploadBytes = 64 * 1024);
        using var client = host.Client();
        var big = new StringBuilder(NoteGenerator.Csv(2, seed: 3, idPrefix: "B"));
        while (big.Length < 200 * 1024)
        {
            big.Append("B_9999,2025-01-01,30,EN,40,\"likes silk scarves and black leather\"\n");
        }

        var content = new HeldContent(big.ToString());
        content.Release();
        await (await client.PostAsync("/api/predict", content)).Problem(413);
    }

    /// <summary>A text/csv body without a length, sent in two parts: the second only after <see cref="Release"/>.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldContent(string csv)
        {
            _bytes = Encoding.UTF8.GetBytes(csv);
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _bytes.Length / 2;
            await stream.WriteAsync(_bytes.AsMemory(0, half));
            await stream.FlushAsync();
            Started.TrySetResult();
            await _release.Task;
            await stream.WriteAsync(_bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
