using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>
/// Counts failed credentials per remote address and locks that address out (every credential it sends is refused
/// with 429) after <see cref="ServerOptions.SignInFailureLimit"/> failures within <see cref="ServerOptions.LockoutMinutes"/>.
/// Only the guessing address is locked: a valid key keeps working from any other address, so guesses cannot
/// lock the admin out (before, 49 wrong guesses from anywhere did).
/// </summary>
public sealed class SignInLockout(IOptions<ServerOptions> options, TimeProvider time)
{
    /// <summary>Addresses remembered at most; beyond it, entries whose window has passed are dropped first.</summary>
    private const int MaxAddresses = 100_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>True while <paramref name="address"/> is locked out.</summary>
    public bool IsLocked(IPAddress? address)
    {
        var now = time.GetUtcNow();
        return windows.TryGetValue(Key(address), out var w) && w.Until > now && w.Failures >= Limit;
    }

    /// <summary>Counts one failure; true when this address is now locked out.</summary>
    public bool Fail(IPAddress? address)
    {
        var now = time.GetUtcNow();
        if (windows.Count > MaxAddresses)
        {
            foreach (var stale in windows.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
            {
                windows.TryRemove(stale, out _);
            }
        }

        var span = TimeSpan.FromMinutes(Math.Max(1, options.Value.LockoutMinutes));
        var updated = windows.AddOrUpdate(
            Key(address),
            _ => new Window(1, now + span),
            (_, w) => w.Until <= now ? new Window(1, now + span) : new Window(w.Failures + 1, w.Failures + 1 >= Limit ? now + span : w.Until));
        return updated.Failures >= Limit;
    }

    private int Limit => Math.Max(1, options.Value.SignInFailureLimit);

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private sealed record Window(int Failures, DateTimeOffset Until);
}
