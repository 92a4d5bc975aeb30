using System.Text;
using Clientele.Core.Concepts;

namespace Clientele.Core.Scoring;

/// <summary>
/// A client's reasons, strongest first within each target, targets in <see cref="Labels.Targets.All"/> order, with
/// the stated facts the budget and age reasons show; or, for a score read back from a store, the text it was saved
/// as. Rendered by <see cref="ReasonText"/> at the edges (CSV, API, store).
/// </summary>
public readonly struct ClientReasons : IEquatable<ClientReasons>
{
    private readonly Reason[]? _items;
    private readonly string? _text;

    /// <summary>Reasons as scored.</summary>
    public ClientReasons(Reason[] items, NoteFacts facts)
    {
        _items = items;
        Facts = facts;
    }

    private ClientReasons(string text) => _text = text;

    /// <summary>The typed reasons; empty for reasons read back as text.</summary>
    public ReadOnlySpan<Reason> Items => _items;

    /// <summary>The client's stated facts, shown by the budget and age reasons.</summary>
    public NoteFacts Facts { get; }

    /// <summary>Reasons already rendered (a stored score).</summary>
    public static ClientReasons FromText(string text) => new(text ?? string.Empty);

    /// <summary>Appends the rendered text to <paramref name="sb"/>.</summary>
    public void AppendTo(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (_text is not null)
        {
            sb.Append(_text);
        }
        else
        {
            ReasonText.Append(sb, Items, Facts);
        }
    }

    /// <summary>The rendered text: "purchase: + exclusive, − hesitant; churn: …".</summary>
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        if (_items is null || _items.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        ReasonText.Append(sb, _items, Facts);
        return sb.ToString();
    }

    /// <summary>Two explanations are equal when they read the same (a stored one keeps only its text).</summary>
    public bool Equals(ClientReasons other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ClientReasons other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(ClientReasons left, ClientReasons right) => left.Equals(right);

    public static bool operator !=(ClientReasons left, ClientReasons right) => !left.Equals(right);
}
