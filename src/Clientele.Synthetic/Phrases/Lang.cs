using System.Text.Json.Serialization;

namespace Clientele.Synthetic.Phrases;

/// <summary>
/// Everything the generator writes in one language, as its data file (<c>Phrases/Data/&lt;code&gt;.json</c>, read by
/// <see cref="Phrasebook"/>) lists it: the sentence templates for each signal and the slot lists they draw from. Templates carry no final full stop;
/// <see cref="Stop"/> ends each sentence.
/// </summary>
internal sealed class Lang
{
    public required string Code { get; init; }
    public required Script Script { get; init; }

    /// <summary>Sentence end: "." (followed by a space) or "。" (no space after it).</summary>
    public required string Stop { get; init; }

    /// <summary>Whether sentences are separated by a space (false for Japanese and Chinese).</summary>
    public required bool Spaced { get; init; }

    /// <summary>Whether the first letter of a sentence is capitalised.</summary>
    public required bool Cased { get; init; }

    /// <summary>What follows the age number ("45 ans"), unless <see cref="AgeWord"/> declines it by the number.</summary>
    public required string AgeSuffix { get; init; }

    /// <summary>The word for "years" declined by the age (Russian 41 год, 42 года, 45 лет); null where it is not.</summary>
    public CountedWord? AgeWord { get; init; }

    public required Template[] NameForms { get; init; }
    public required Entry[] Surnames { get; init; }
    public required Entry[] Professions { get; init; }
    public required Entry[] Products { get; init; }
    public required Entry[] Colours { get; init; }
    public required Entry[] Materials { get; init; }
    public required Entry[] Hobbies { get; init; }
    public required Entry[] Recipients { get; init; }
    public required Entry[] Occasions { get; init; }
    public required Entry[] Deadlines { get; init; }
    public required Entry[] Places { get; init; }

    /// <summary>
    /// The templates of every <see cref="SentenceKind"/> (the file's <c>sentences</c>). The introductions (title,
    /// surname, age, profession) end with the one that says "first visit"; a quote holds a client's words in double
    /// quotes with a comma inside (the CSV-quoting exercise).
    /// </summary>
    [JsonPropertyName("sentences")]
    public required IReadOnlyDictionary<SentenceKind, Template[]> SentenceTemplates { get; init; }

    /// <summary>What follows the age number <paramref name="age"/>.</summary>
    public string AgeAfter(int age) => AgeWord?.After(age) ?? AgeSuffix;

    public Template[] Sentences(SentenceKind kind) => SentenceTemplates[kind];
}
