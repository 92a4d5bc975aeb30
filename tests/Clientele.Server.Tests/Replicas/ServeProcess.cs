using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clientele.Server.Tests.Replicas;

/// <summary>
/// One real <c>clientele serve</c> process (the built CLI beside the tests) on a free loopback port, its stdout and
/// stderr (the server log) kept for assertions; killed when disposed.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public ServeProcess(string workingDirectory, string db, IReadOnlyDictionary<string, string> environment)
    {
        Port = FreePort();
        var info = CliChild.StartInfo(workingDirectory, ["serve", "--urls", Url, "--db", db]);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
