namespace Clientele.Core.Features;

/// <summary>What a feature column measures, typed by block: the closed family below.</summary>
public abstract record FeatureSubject;

/// <summary>Concepts (by id) of a term or a co-occurring pair.</summary>
public sealed record ConceptsSubject(IReadOnlyList<string> ConceptIds) : FeatureSubject;

/// <summary>A concept category (one of <see cref="Lexicon.ConceptCategory.All"/>).</summary>
public sealed record CategorySubject(string Category) : FeatureSubject;

/// <summary>A statistic of the client's text and concepts.</summary>
public sealed record StatisticSubject(ProfileStatistic Statistic) : FeatureSubject;

/// <summary>A stated fact or its missing flag.</summary>
public sealed record FactSubject(FactColumn Fact) : FeatureSubject;

/// <summary>A measure of the contact history.</summary>
public sealed record HistorySubject(HistoryColumn Measure) : FeatureSubject;

/// <summary>A measure of how varied the client's concepts are.</summary>
public sealed record DiversitySubject(DiversityMeasure Measure) : FeatureSubject;

/// <summary>A word of the matched aliases.</summary>
public sealed record WordSubject(string Text) : FeatureSubject;

/// <summary>A measure of the client's purchase history (RFM, gaps, trend, season, BTYD outputs).</summary>
public sealed record PurchaseSubject(PurchaseColumn Measure) : FeatureSubject;

/// <summary>An extra column of the notes file: which measure of it, and the level for a categorical one-hot.</summary>
public sealed record ColumnSubject(string Column, Columns.ColumnMeasure Measure, string? Level = null) : FeatureSubject;
/// <summary>A word, phrase or character gram of the notes' own text, folded ("solenne", "la ligne", "ソレン").</summary>
public sealed record TextSubject(string Text) : FeatureSubject;
