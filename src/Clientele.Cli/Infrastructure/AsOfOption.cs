using System.Globalization;

namespace Clientele.Cli.Infrastructure;

/// <summary>The <c>--as-of &lt;DATE&gt;</c> of the verbs that take one (yyyy-MM-dd): checked and parsed in one place.</summary>
public static class AsOfOption
{
    /// <summary>The date <paramref name="asOf"/> names (valid after <see cref="Check"/>); null when not given.</summary>
    public static DateOnly? Parse(string? asOf) => asOf is null ? null : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The validation error of an <c>--as-of</c> that is not a date; null when it is one or is not given.</summary>
    public static Spectre.Console.ValidationResult? Check(string? asOf) =>
        asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? Spectre.Console.ValidationResult.Error($"--as-of '{asOf}' is not a date (yyyy-MM-dd)")
            : null;
}
