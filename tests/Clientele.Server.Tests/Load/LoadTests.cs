using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Clientele.Server.Tests.Fixtures;
using Xunit.Abstractions;

namespace Clientele.Server.Tests.Load;

/// <summary>
/// Scoring under load on real Kestrel while the active model is swapped every 200 ms. The latency and
/// throughput it prints are measurements of this machine, not assertions; the assertions are that no request
/// fails and every one is scored by a registered version. <c>CLIENTELE_LOAD_REQUESTS</c> sets N (3,000 by default).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly string[] Versions = ["v1", "v2"];

    private const int Concurrency = 32;

    [Fact]
    public async Task Thousands_of_concurrent_predictions_all_succeed_while_the_model_is_swapped_every_200_ms()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("CLIENTELE_LOAD_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 3000;
        // Bounded whatever happens: a hung server fails the test at the deadline instead of hanging the run. The bound
        // guards against a hang, not a slow machine: CI runs the other test assemblies beside this one on 2 cores, where
        // 36 req/s was measured (94 alone), so it allows 15 req/s.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(180, n / 15)));
        await using var host = await KestrelHost.StartAsync();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key);
        var csv = NoteGenerator.Csv(5, seed: 9, idPrefix: "L");

        var swaps = 0;
        var swapFailures = new ConcurrentQueue<string>();
        using var stopSwapping = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var swapper = Task.Run(async () =>
        {
            using var admin = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            admin.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            try
            {
                while (await timer.WaitForNextTickAsync(stopSwapping.Token))
                {
                    var version = swaps % 2 == 0 ? "v2" : "v1";
                    using var r = await admin.PostAsync($"/api/models/{version}/activate", null, stopSwapping.Token);
                    if (!r.IsSuccessStatusCode)
                    {
                        swapFailures.Enqueue($"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(stopSwapping.Token)}");
                    }

                    swaps++;
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped at the end of the run (or at the deadline, which the assertions below report).
            }
        });

        var latencies = new double[n];
        var versions = new string?[n];
        var failures = new ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n && !deadline.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync("/api/predict", Http.CsvBody(csv), deadline.Token);
                    var body = await response.Content.ReadAsStringAsync(deadline.Token);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    versions[i] = response.Headers.TryGetValues("X-Model-Version", out var h) ? h.Single() : null;
                    if ((int)response.StatusCode != 200 || !body.StartsWith('['))
                    {
                        failures.Enqueue($"{(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    failures.Enqueue(e.GetType().Name + ": " + e.Message);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        await stopSwapping.CancelAsync();
        await swapper;

        var done = Math.Min(n, next);
        var sorted = latencies.Take(done).Where(l => l > 0).Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        output.WriteLine(FormattableString.Invariant(
            $"requests={n} completed={sorted.Length} failures={failures.Count} concurrency={Concurrency} swaps={swaps} swap_failures={swapFailures.Count} p50={Percentile(0.50):0.0} ms p99={Percentile(0.99):0.0} ms max={(sorted.Length == 0 ? double.NaN : sorted[^1]):0.0} ms throughput={sorted.Length / elapsed.TotalSeconds:0} req/s elapsed={elapsed.TotalSeconds:0.0} s cores={Environment.ProcessorCount}"));

        Assert.False(deadline.IsCancellationRequested, $"the run hit its deadline after {done} of {n} requests");
        Assert.True(failures.IsEmpty, $"{failures.Count} failed requests, first: {failures.FirstOrDefault()}");
        Assert.True(swapFailures.IsEmpty, $"{swapFailures.Count} failed activations, first: {swapFailures.FirstOrDefault()}");
        Assert.All(versions, ver => Assert.Contains(ver, Versions));
        Assert.True(swaps >= 2, $"only {swaps} activations happened during the run");
        Assert.Contains("v2", versions);
    }
}
