namespace Clientele.Synthetic.Phrases;

/// <summary>
/// A word declined by the number before it the East Slavic way (Russian "год / года / лет"): <see cref="One"/> after
/// 1, 21, 31…; <see cref="Few"/> after 2–4, 22–24…; <see cref="Many"/> after the rest, 11–14 included.
/// </summary>
internal sealed record CountedWord(string One, string Few, string Many)
{
    public string After(int n)
    {
        var last = n % 10;
        var lastTwo = n % 100;
        if (last == 1 && lastTwo != 11)
        {
            return One;
        }

        return last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? Few : Many;
    }
}
