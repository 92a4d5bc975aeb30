using Clientele.Server.Models;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Fixtures;

/// <summary>
/// The server in-process (TestServer) with its own temp directory, the test model registered as "v1"
/// and active, an API key, and schedules off (tests trigger runs explicitly).
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public const string Key = "test-key-0123456789-abcdefgh";

    public ServerFactory()
    {
        Root = Path.Combine(Path.GetTempPath(), "clientele-server-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        ModelsRoot = Path.Combine(Root, "models");
        TestModel.CopyTo(ModelsRoot, "v1");
    }

    public string Root { get; }

    public string ModelsRoot { get; }

    /// <summary>Null for a server with no API key configured.</summary>
    protected virtual string? ApiKey => Key;

    public IClienteleStore Store => Services.GetRequiredService<IClienteleStore>();

    /// <summary>A client that sends the admin API key (as every client of this factory does).</summary>
    public HttpClient CreateAuthorizedClient() => CreateClient();

    /// <summary>A client that sends no credential.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>Every route but /health needs a key now: clients of this factory send the admin key unless told otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (ApiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        }
    }

    /// <summary>Registers a copy of the test model as another version (not activated).</summary>
    public void AddVersion(string version)
    {
        var dir = TestModel.CopyTo(ModelsRoot, version);
        var bundle = Storage.Files.DirectoryBundleStore.Load(dir);
        Services.GetRequiredService<ModelRegistry>().Register(version, dir, bundle);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.PostConfigure<ServerOptions>(o =>
        {
            o.ApiKey = ApiKey;
            o.ModelsRoot = ModelsRoot;
            o.ModelDirectory = Path.Combine(ModelsRoot, "v1");
            o.Schedules = new ScheduleOptions { NightlyScoring = string.Empty, WeeklyRetrain = string.Empty };
            o.MaxUploadBytes = 2 * 1024 * 1024;
            o.WritesPerMinute = 1000;
            o.RequestsPerMinute = 100_000;
            // Concurrent uploads are part of several API tests; the upload limit has its own (UploadLimitTests).
            o.MaxConcurrentUploads = 64;
            o.UploadQueue = 10_000;
            // A real SQLite file per factory: the API is tested against the store users run.
            o.ConnectionString = "Data Source=" + Path.Combine(Root, "clientele.db");
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
