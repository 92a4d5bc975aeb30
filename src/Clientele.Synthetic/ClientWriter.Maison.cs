namespace Clientele.Synthetic;

/// <summary>The maison scenario's part of a client (see <see cref="Maison.MaisonScenario"/>): its labels and its line sentence.</summary>
internal sealed partial class ClientWriter
{
    /// <summary>
    /// Replaces the default labels by the scenario's, drawn from the scenario's own stream after its line, duration
    /// and store; the default probability (the lexicon signals) still enters them, with less weight.
    /// </summary>
    private (double P, double Churn, double Expected, double Clv, int Purchased, int Churned) DrawMaison(int index, int noteCount, double defaultP,
        bool noLimit, double budgetK, int daysSinceLast)
    {
        var m = _maison!;
        m.Draw(index, _lang.Code, noteCount);
        var p = Maison.MaisonScenario.PurchaseProbability(m.Line, m.Minutes, budgetK, noLimit, defaultP);
        var churn = Maison.MaisonScenario.ChurnProbability(m.Line, m.Minutes, defaultP, daysSinceLast > NotesGenerator.StaleDays);
        var expected = Maison.MaisonScenario.ExpectedLifetimeValue(m.Line, m.Minutes, budgetK, noLimit);
        var draws = new SplitMix64(_seed, index, 0x6D6169736F6E5F32UL);
        var purchased = draws.NextDouble() < p ? 1 : 0;
        var churned = draws.NextDouble() < churn ? 1 : 0;
        var clv = Math.Round(Math.Max(500, expected + (Maison.MaisonScenario.ClvNoise * draws.NextGaussian())), 2);
        return (p, churn, expected, clv, purchased, churned);
    }

    private void AppendMaisonSentence(Phrases.Lang previous)
    {
        _text.Append(previous.Stop);
        if (previous.Spaced)
        {
            _text.Append(' ');
        }

        var begin = _text.Length;
        _text.Append(_maison!.Sentence(_lang.Code));
        if (_lang.Cased && char.IsLower(_text[begin]))
        {
            _text[begin] = char.ToUpperInvariant(_text[begin]);
        }
    }
}
