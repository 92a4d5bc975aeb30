using Clientele.Synthetic.Phrases;

namespace Clientele.Synthetic;

/// <summary>Rendering: a template's slots filled with the client's words (see <see cref="Template"/> for the slots).</summary>
internal sealed partial class ClientWriter
{
    private void Render(Template template, Lang lang)
    {
        foreach (var segment in template.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    _text.Append(segment.Text);
                    break;
                case SegmentKind.Gender:
                    Render(_female ? segment.Female! : segment.Male!, lang);
                    break;
                default:
                    AppendSlot(segment.Slot, segment.Form, lang);
                    break;
            }
        }
    }

    private void AppendSlot(char slot, int form, Lang lang)
    {
        switch (slot)
        {
            case 'N':
                Render(lang.NameForms[_nameForm % lang.NameForms.Length], lang);
                return;
            case 'S':
                // The client's surname comes from the note's language, whatever language this sentence is in.
                var surnames = _international ? Phrasebook.International : _lang.Surnames;
                _text.Append(surnames[_surname % surnames.Length].Get(form, _female));
                return;
            case 'A':
                _text.Append(_age);
                _text.Append(lang.AgeAfter(_age));
                return;
            case 'B':
                _budget.AppendTo(_text);
                return;
            case 'Y':
                _text.Append(_sinceYear);
                return;
        }

        var english = _englishNames && lang.Code != "EN";
        var list = slot switch
        {
            'J' => _englishProfession && lang.Code != "EN" ? Phrasebook.EnglishProfessions : lang.Professions,
            'P' or 'Q' => english ? Phrasebook.EnglishProducts : lang.Products,
            'C' => english ? Phrasebook.EnglishColours : lang.Colours,
            'H' => english ? Phrasebook.EnglishHobbies : lang.Hobbies,
            'M' => lang.Materials,
            'R' => lang.Recipients,
            'O' => lang.Occasions,
            'D' => lang.Deadlines,
            _ => lang.Places,
        };

        var pick = _picks[slot - 'A'];
        if (pick < 0)
        {
            // A client keeps one favourite colour and one main product across sentences and notes.
            pick = slot switch
            {
                'C' => _colour % list.Length,
                'J' => _profession % list.Length,
                'P' => _product % list.Length,
                _ => _rng.Next(list.Length),
            };
            if (slot is 'P' or 'Q')
            {
                // P and Q are two different products ("hesitates between the wallet and the belt").
                var other = _picks[(slot == 'P' ? 'Q' : 'P') - 'A'];
                while (pick == other)
                {
                    pick = _rng.Next(list.Length);
                }
            }

            _picks[slot - 'A'] = pick;
        }

        _text.Append(list[pick].Get(form, _female));
    }
}
