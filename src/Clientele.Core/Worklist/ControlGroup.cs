using Clientele.Core.Text;

namespace Clientele.Core.Worklist;

/// <summary>
/// The held-out share of eligible clients: a client is in the control group when the stable hash of its id under the
/// seed falls below the share, so the assignment is the same in every run, process and replica for (client, seed),
/// and independent of the client's scores.
/// </summary>
public static class ControlGroup
{
    /// <summary>True when <paramref name="clientId"/> is held out at <paramref name="share"/> with <paramref name="seed"/>.</summary>
    public static bool IsHeldOut(string clientId, double share, int seed) =>
        share > 0 && Uniform(clientId, seed) < share;

    /// <summary>
    /// The client's uniform draw in [0, 1): the top 53 bits of its stable hash after a 64-bit finaliser. FNV-1a alone
    /// mixes the last characters into the high bits too little: ids C00000..C03999 put 17.5 % below 0.1.
    /// </summary>
    public static double Uniform(string clientId, int seed) => (Mix(StableHash.Of(clientId, seed)) >> 11) * (1.0 / (1UL << 53));

    /// <summary>MurmurHash3's fmix64: every input bit flips each output bit with probability about one half.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
