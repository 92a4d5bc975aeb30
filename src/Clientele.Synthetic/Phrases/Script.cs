namespace Clientele.Synthetic.Phrases;

/// <summary>The writing system of a language; a "mixed-script" note borrows a sentence from another one.</summary>
internal enum Script
{
    Latin,
    Cyrillic,
    Arabic,
    Japanese,
    Hangul,
    Han,
}
