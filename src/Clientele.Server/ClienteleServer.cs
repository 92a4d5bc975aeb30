using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Server.Apis;
using Clientele.Server.Hosting;
using Clientele.Server.Jobs;
using Clientele.Server.Models;
using Clientele.Server.Schedules;
using Clientele.Server.Scoring;
using Clientele.Server.Security;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Clientele.Server;

/// <summary>
/// Builds the Clientele web application: options, store, model registry, job queue, schedules, the API
/// areas, the dashboard and OpenAPI. Hosts call <see cref="Create"/> and then run it: <c>Program</c>, the
/// CLI's <c>serve</c> and <c>demo</c>, and the tests.
/// </summary>
public static class ClienteleServer
{
    public static WebApplication Create(string[] args, Action<ServerOptions>? configure = null)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The dashboard is copied beside the assembly, so it is found whatever the working directory.
            WebRootPath = Directory.Exists(web) ? web : null,
        });

        // ASP.NET Core's per-request lines carry URLs, and a search URL carries client names (?q=Laurent):
        // they stay below Warning so names never reach the logs (docs/SECURITY.md), and the log is not flooded.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Options are read when first used, so settings a test host adds after this point still count.
        builder.Services.AddOptions<ServerOptions>()
            .Bind(builder.Configuration.GetSection(ServerOptions.Section))
            .Configure<IConfiguration>((o, config) =>
            {
                o.ConnectionString = Coalesce(config["CLIENTELE_DB"], o.ConnectionString);
                o.ApiKey = Coalesce(config["CLIENTELE_API_KEY"], o.ApiKey);
                o.ModelDirectory = Coalesce(config["CLIENTELE_MODEL"], o.ModelDirectory);
            })
            .PostConfigure(o => configure?.Invoke(o));

        var early = new ServerOptions();
        builder.Configuration.GetSection(ServerOptions.Section).Bind(early);
        configure?.Invoke(early);
        builder.WebHost.UseUrls(early.Urls);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((k, o) =>
        {
            k.Limits.MaxRequestBodySize = o.Value.MaxUploadBytes + (64 * 1024); // room for multipart framing
            k.AddServerHeader = false;
            // Slow-client protection, stated explicitly rather than left to defaults that may change: a client
            // that trickles its headers, or an upload at a few bytes a second, would otherwise hold a connection
            // and its request buffers for as long as it likes (slowloris). Headers must arrive within 15 s;
            // bodies (uploads up to 50 MB) must keep 1 KB/s after a 10 s grace, which any real client on a
            // real network exceeds by orders of magnitude.
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(10));
            k.Limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(10));
            k.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
        });

        AddServices(builder.Services);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o =>
        {
            OpenApiContract.Configure(o);
            o.AddOperationTransformer<OpenApiRoles>();
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddClienteleSecurity();
        services.AddSingleton<IClienteleStore>(sp => StoreOpener.Open(sp.GetRequiredService<IOptions<ServerOptions>>().Value));
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<SummaryCache>();
        services.AddSingleton<TrainingRunner>();
        services.AddSingleton<ScheduledWork>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddHostedService<ScheduleService>();
        // Replicas on one PostgreSQL: jobs claimed from the shared queue, activations made elsewhere followed (no-ops on SQLite).
        services.AddSingleton<JobRecipes>();
        services.AddHostedService<ActiveModelFollower>();
    }

    private static void Configure(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        if (options.Retention.Problem() is { } retention)
        {
            // A mistyped retention would otherwise fail every night, unseen until data outlived its time.
            throw new InvalidOperationException("Clientele:Retention: " + retention);
        }

        var store = app.Services.GetRequiredService<IClienteleStore>();
        store.Migrate();
        // A run still queued or running now belonged to a process that died (killed, crashed): it will never finish.
        // With several replicas on one PostgreSQL, start them when no job runs (docs/SECURITY.md, retention).
        if (store.FailUnfinishedRuns(DateTimeOffset.UtcNow, ServerMessages.RunInterrupted) is var stale and > 0)
        {
            app.Logger.UnfinishedRunsFailed(stale);
        }

        Directory.CreateDirectory(options.ResolveModelsRoot());
        app.Services.GetRequiredService<ModelRegistry>().LoadAtStart(options.ModelDirectory);

        SecurityServices.BootstrapKey(app.Services, options);

        app.UseHostFiltering();
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseStatusCodePages();

        // The dashboard's files (HTML, JS, CSS, no data) are public: they are the sign-in form. Every route after needs a key.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseCookieAntiforgery();
        app.UseAuthorization();
        app.UseClienteleAudit();
        app.MapOpenApi().RequireAuthorization(Policies.Read);
        app.MapHealthApi()
            .MapSessionApi()
            .MapJobsApi()
            .MapModelsApi()
            .MapClientsApi()
            .MapRunsApi()
            .MapSummaryApi()
            .MapAuditApi()
            .MapWorklistApi()
            .MapContactsApi()
            .MapTransactionsApi();

        // Declared here for the two areas whose files set no policy: scoring an upload is a read (storing it
        // needs admin, checked in the handler); training is admin (its RequireApiKey).
        app.MapGroup(string.Empty).RequireAuthorization(Policies.Read).MapPredictApi();
        app.MapGroup(string.Empty).RequireAuthorization(Policies.Admin).MapTrainApi();
    }

    private static string? Coalesce(string? preferred, string? fallback) => string.IsNullOrWhiteSpace(preferred) ? fallback : preferred;
}
