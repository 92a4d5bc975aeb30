using System.Text;

namespace Clientele.Core.Text;

/// <summary>
/// FNV-1a, the one stable hash of Clientele: fixed by this code, so a value hashes the same in every process and
/// on every runtime (<see cref="string.GetHashCode()"/> is randomised per process).
/// </summary>
public static class StableHash
{
    /// <summary>The 64-bit FNV offset basis: the hash of no bytes.</summary>
    public const ulong Basis64 = 14695981039346656037UL;

    private const ulong Prime64 = 1099511628211UL;

    private const uint Basis32 = 2166136261u;

    private const uint Prime32 = 16777619u;

    /// <summary>64-bit FNV-1a of <paramref name="bytes"/>, continuing from <paramref name="basis"/>.</summary>
    public static ulong Of(ReadOnlySpan<byte> bytes, ulong basis = Basis64)
    {
        var hash = basis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime64;
        }

        return hash;
    }

    /// <summary>
    /// 64-bit FNV-1a of the UTF-8 bytes of <paramref name="key"/> with <paramref name="seed"/> folded into the basis,
    /// so every seed gives its own family of hashes.
    /// </summary>
    public static ulong Of(string key, int seed)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Of(Encoding.UTF8.GetBytes(key), Basis64 ^ (uint)seed);
    }

    /// <summary>32-bit FNV-1a of the UTF-16 code units of <paramref name="text"/> (each unit folded in whole).</summary>
    public static uint Of32(ReadOnlySpan<char> text)
    {
        var hash = Basis32;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * Prime32;
        }

        return hash;
    }
}
