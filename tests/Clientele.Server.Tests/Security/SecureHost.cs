using System.Net;
using System.Net.Sockets;
using Clientele.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;

namespace Clientele.Server.Tests.Security;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 (loopback), SQLite store, the test model active, the admin key of
/// <see cref="ServerFactory.Key"/>; the options callback of <see cref="StartAsync"/> tightens limits for the test at hand.
/// </summary>
public sealed class SecureHost : IAsyncDisposable
{
    private SecureHost(WebApplication app, string root)
    {
        App = app;
        Root = root;
    }

    public WebApplication App { get; }

    public string Root { get; }

    public string Database => Path.Combine(Root, "clientele.db");

    public Uri BaseAddress => new(App.Urls.First());

    public static async Task<SecureHost> StartAsync(Action<ServerOptions>? configure = null, string[]? args = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "clientele-security-tests", Guid.NewGuid().ToString("N")[..10]);
        var models = Path.Combine(root, "models");
        TestModel.CopyTo(models, "v1");
        var app = ClienteleServer.Create(args ?? [], o =>
        {
            o.Urls = "http://127.0.0.1:0";
            o.ApiKey = ServerFactory.Key;
            o.ModelsRoot = models;
            o.ModelDirectory = Path.Combine(models, "v1");
            o.Schedules = new ScheduleOptions { NightlyScoring = string.Empty, WeeklyRetrain = string.Empty };
            o.ConnectionString = "Data Source=" + Path.Combine(root, "clientele.db");
            configure?.Invoke(o);
        });
        await app.StartAsync();
        return new SecureHost(app, root);
    }

    /// <summary>A client connecting from <paramref name="from"/> (any 127.x address reaches the loopback server), with an optional key.</summary>
    public HttpClient Client(string? key = ServerFactory.Key, string from = "127.0.0.1", bool cookies = false)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = cookies,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
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
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftover in the temp directory.
        }
    }
}
