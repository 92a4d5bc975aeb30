using System.Net;
using System.Text;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Load;

/// <summary>Stopping the host lets requests already in flight finish instead of cutting them off.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_slow_upload_in_flight_when_the_host_stops_still_completes_with_200()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var host = await KestrelHost.StartAsync();
        try
        {
            var body = Encoding.UTF8.GetBytes(NoteGenerator.Csv(2000, seed: 13, idPrefix: "S"));
            var content = new SlowContent(body, chunks: 40, pause: TimeSpan.FromMilliseconds(50));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(45) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key);
            var request = client.PostAsync("/api/predict", content, deadline.Token);

            await content.FirstChunkSent.Task.WaitAsync(deadline.Token);
            await Task.Delay(200, deadline.Token); // the server has the request; the body is still coming
            Assert.False(request.IsCompleted, "the upload finished before the host was stopped: nothing was in flight");
            var stopping = host.App.StopAsync(deadline.Token);

            using var response = await request;
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
            Assert.Equal(2000, System.Text.Json.JsonDocument.Parse(text).RootElement.GetArrayLength());
            await stopping;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A text/csv body sent in chunks with pauses, like an upload over a slow link.</summary>
    private sealed class SlowContent(byte[] body, int chunks, TimeSpan pause) : HttpContent
    {
        public TaskCompletionSource FirstChunkSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var size = (body.Length + chunks - 1) / chunks;
            for (var offset = 0; offset < body.Length; offset += size)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)));
                await stream.FlushAsync();
                FirstChunkSent.TrySetResult();
                await Task.Delay(pause);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
