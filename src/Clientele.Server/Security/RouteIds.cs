using Microsoft.AspNetCore.Http.Features;

namespace Clientele.Server.Security;

/// <summary>
/// Client ids may contain '/', which a client sends as %2F. Kestrel decodes every escape of the path but that one
/// (and so also turns %25 into '%', which makes "%2F" ambiguous), so the id is read from the raw request target,
/// decoded once, exactly as sent.
/// </summary>
public static class RouteIds
{
    /// <summary>The id as the client encoded it: the raw path segment after <c>/api/clients/</c>, fully decoded.</summary>
    public static string Decode(HttpContext context, string routeValue)
    {
        const string prefix = "/api/clients/";
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? raw[..query] : raw;
        if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            var segment = path[prefix.Length..];
            var end = segment.IndexOf('/', StringComparison.Ordinal);
            return Uri.UnescapeDataString(end >= 0 ? segment[..end] : segment);
        }

        // No raw target (an in-process test host): only %2F is left encoded in the route value.
        return routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }
}
