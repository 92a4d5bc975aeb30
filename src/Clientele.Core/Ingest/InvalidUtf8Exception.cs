namespace Clientele.Core.Ingest;

/// <summary>
/// Bytes that are not UTF-8, with where they are: the 1-based line and the 1-based character column of the
/// first byte of the broken sequence. Thrown by the stream under the decoder, hence an <see cref="IOException"/>;
/// <see cref="CsvInput"/> turns it into a located <see cref="Errors.ClienteleInputException"/>.
/// </summary>
public sealed class InvalidUtf8Exception : IOException
{
    public InvalidUtf8Exception(long line, long column, byte[] bytes)
        : base($"invalid UTF-8 at line {line}, column {column}")
    {
        Line = line;
        Column = column;
        InvalidBytes = bytes;
    }

    /// <summary>1-based line of the first invalid byte.</summary>
    public long Line { get; }

    /// <summary>1-based character position of the first invalid byte in its line.</summary>
    public long Column { get; }

    /// <summary>The broken sequence (its lead byte and the bytes read after it), for the message.</summary>
    public byte[] InvalidBytes { get; }
}
