namespace Clientele.Core.Worklist;

/// <summary>An inclusive range of a playbook condition; an open end is null.</summary>
public readonly record struct NumberRange(double? Min, double? Max)
{
    /// <summary>True when <paramref name="value"/> is known and within the range.</summary>
    public bool Contains(double? value) =>
        value is { } v && !double.IsNaN(v) && (Min is not { } lo || v >= lo) && (Max is not { } hi || v <= hi);
}
