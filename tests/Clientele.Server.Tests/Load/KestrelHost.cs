using Clientele.Server.Models;
using Clientele.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Load;

/// <summary>
/// The real server on Kestrel at http://127.0.0.1:0 (loopback only), with a SQLite store, the test model
/// active as "v1" and a copy registered as "v2"; writes are not rate limited so activations can be hammered.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private readonly string _root;

    private KestrelHost(WebApplication app, string root)
    {
        App = app;
        _root = root;
    }

    public WebApplication App { get; }

    public Uri BaseAddress => new(App.Urls.First());

    public static async Task<KestrelHost> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "clientele-load-tests", Guid.NewGuid().ToString("N")[..10]);
        var models = Path.Combine(root, "models");
        TestModel.CopyTo(models, "v1");
        TestModel.CopyTo(models, "v2");
        // Per-request Information logs of ASP.NET Core (the usual template sets them to Warning) would
        // measure the console, not the server.
        var app = ClienteleServer.Create(["--Logging:LogLevel:Microsoft.AspNetCore=Warning"], o =>
        {
            o.Urls = "http://127.0.0.1:0";
            o.ApiKey = ServerFactory.Key;
            o.ModelsRoot = models;
            o.ModelDirectory = Path.Combine(models, "v1");
            o.Schedules = new ScheduleOptions { NightlyScoring = string.Empty, WeeklyRetrain = string.Empty };
            o.WritesPerMinute = 1_000_000;
            o.RequestsPerMinute = 1_000_000;
            // These tests pin correctness under concurrency; the upload limit has its own (UploadLimitTests).
            o.MaxConcurrentUploads = 64;
            o.UploadQueue = 100_000;
            o.ConnectionString = "Data Source=" + Path.Combine(root, "clientele.db");
        });
        await app.StartAsync();
        app.Services.GetRequiredService<ModelRegistry>().Register("v2", Path.Combine(models, "v2"), Storage.Files.DirectoryBundleStore.Load(Path.Combine(models, "v2")));
        return new KestrelHost(app, root);
    }

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await App.StopAsync(cts.Token);
        }

        await App.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftover in the temp directory.
        }
    }
}
