namespace Clientele.Core.Text;

/// <summary>Where a title is written relative to the name, and how.</summary>
public enum TitleForm
{
    /// <summary>Before the name, optionally followed by a dot: "Mr", "Mr.", "Sra.".</summary>
    Abbreviation,

    /// <summary>Before the name, written as is: "Mme", "Herr", "M.".</summary>
    Word,

    /// <summary>Before the name, but a display name leaves it out: "السيد".</summary>
    Unshown,

    /// <summary>After the name: "様", "님", "先生".</summary>
    Suffix,
}
