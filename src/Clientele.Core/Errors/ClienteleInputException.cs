namespace Clientele.Core.Errors;

/// <summary>
/// Bad input a user can fix: carries where it is (source, line, column) and what was expected.
/// The CLI turns it into one line on stderr and exit code 2; the API into a 400 problem document.
/// </summary>
public sealed class ClienteleInputException : Exception
{
    public ClienteleInputException(string source, long? line, int? column, string message, Exception? inner = null)
        : base(Format(source, line, column, message), inner)
    {
        Source = source;
        Line = line;
        Column = column;
        Detail = message;
    }

    /// <summary>File name (or "upload", "labels") the problem is in.</summary>
    public new string Source { get; }

    /// <summary>1-based line number, when the problem is on one line.</summary>
    public long? Line { get; }

    /// <summary>1-based column number (field index), when known.</summary>
    public int? Column { get; }

    /// <summary>What was wrong and what was expected, without the location.</summary>
    public string Detail { get; }

    private static string Format(string source, long? line, int? column, string message)
    {
        var where = source;
        if (line is not null)
        {
            where += $":{line}";
            if (column is not null)
            {
                where += $":{column}";
            }
        }

        return $"{where}: {message}";
    }
}
