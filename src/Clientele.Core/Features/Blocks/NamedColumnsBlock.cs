namespace Clientele.Core.Features.Blocks;

/// <summary>
/// A block of a fixed set of columns, one per member of a column enum (in order): the name table gives each its
/// saved name, and the subject factory its typed subject.
/// </summary>
internal abstract class NamedColumnsBlock(string prefix, FeatureKind kind, string[] names, Func<int, FeatureSubject> subject) : IFeatureBlock
{
    public IReadOnlyList<FeatureInfo> Columns { get; } = names.Select((name, i) => new FeatureInfo(prefix + name, kind, subject(i))).ToArray();

    public abstract void Write(in FeatureRow row, Span<float> destination);
}
