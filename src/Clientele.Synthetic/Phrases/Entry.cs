namespace Clientele.Synthetic.Phrases;

/// <summary>
/// One word or phrase of a slot list, with its grammatical forms. Written as <c>form0|form1|…</c>, each form
/// optionally <c>masculine~feminine</c> (the client's gender picks one), e.g. <c>Иванов~Иванова|Ивановым~Ивановой</c>.
/// A template asks for a form by number (<c>{P1}</c>); a word without that form gives its first one.
/// </summary>
internal sealed class Entry
{
    private readonly string[] _male;
    private readonly string[] _female;

    public Entry(string raw)
    {
        var forms = raw.Split('|');
        _male = new string[forms.Length];
        _female = new string[forms.Length];
        for (var i = 0; i < forms.Length; i++)
        {
            var g = forms[i].Split('~');
            if (g.Length > 2 || g[0].Length == 0)
            {
                throw new ArgumentException($"bad phrasebook entry '{raw}'");
            }

            _male[i] = g[0];
            _female[i] = g.Length == 2 ? g[1] : g[0];
        }
    }

    public string Get(int form, bool female)
    {
        var i = form < _male.Length ? form : 0;
        return female ? _female[i] : _male[i];
    }
}
