namespace Clientele.Server.Security;

/// <summary>
/// The Host header values the server answers (anything else gets 400 from ASP.NET Core's host filtering, which
/// stops DNS rebinding from reaching the API): the host of every bound address, <c>localhost</c>, the loopback
/// addresses, and the names in <see cref="ServerOptions.AllowedHosts"/>. A wildcard binding (0.0.0.0, *, +) adds no
/// name: the operator lists the names clients use.
/// </summary>
public static class AllowedHosts
{
    public static List<string> For(ServerOptions options)
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = HostOf(url);
            if (host is not null and not ("0.0.0.0" or "*" or "+" or "[::]"))
            {
                hosts.Add(host);
            }
        }

        hosts.AddRange(options.AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? url[(start + 3)..] : url;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : null;
        }

        var end = rest.IndexOfAny([':', '/']);
        var host = end >= 0 ? rest[..end] : rest;
        return host.Length == 0 ? null : host;
    }
}
