namespace Clientele.Core.Ingest;

/// <summary>
/// A read-only stream that hands bytes on unchanged after replaying a few already-read bytes (the byte-order
/// mark probe of <see cref="CsvInput.OpenText"/>) and, for UTF-8, checks every byte as it passes: the first
/// invalid sequence throws <see cref="InvalidUtf8Exception"/> with its line and column. A decoder's own error
/// knows only an offset into its buffer, not where the user should look.
/// </summary>
internal sealed class CheckedTextStream(Stream inner, byte[] prefix, bool validateUtf8) : Stream
{
    private int _prefixAt;
    private long _line = 1;
    private long _column;       // characters already on the current line
    private bool _lastWasCr;
    private int _need;          // continuation bytes still expected by the current sequence
    private byte _lo = 0x80;    // allowed range of the next continuation byte (narrower after E0, ED, F0, F4)
    private byte _hi = 0xBF;
    private long _seqLine;
    private long _seqColumn;
    private readonly List<byte> _seq = new(4);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_prefixAt < prefix.Length)
        {
            n = Math.Min(buffer.Length, prefix.Length - _prefixAt);
            prefix.AsSpan(_prefixAt, n).CopyTo(buffer);
            _prefixAt += n;
        }
        else
        {
            n = inner.Read(buffer);
        }

        if (validateUtf8)
        {
            if (n == 0 && _need > 0)
            {
                // The file ends inside a multi-byte character.
                throw new InvalidUtf8Exception(_seqLine, _seqColumn, [.. _seq]);
            }

            Check(buffer[..n]);
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(ReadOnlySpan<byte> span)
    {
        var i = 0;
        while (i < span.Length)
        {
            var b = span[i];
            if (_need > 0)
            {
                _seq.Add(b);
                if (b < _lo || b > _hi)
                {
                    throw new InvalidUtf8Exception(_seqLine, _seqColumn, [.. _seq]);
                }

                _lo = 0x80;
                _hi = 0xBF;
                _need--;
                i++;
                continue;
            }

            // Notes are mostly ASCII: skip a run at once, counting its line breaks.
            var rest = span[i..];
            var k = rest.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            CountAscii(k < 0 ? rest : rest[..k]);
            if (k < 0)
            {
                return;
            }

            i += k;
            b = span[i];
            _seqLine = _line;
            _seqColumn = ++_column;
            _lastWasCr = false;
            _seq.Clear();
            _seq.Add(b);
            (_need, _lo, _hi) = b switch
            {
                >= 0xC2 and <= 0xDF => (1, (byte)0x80, (byte)0xBF),
                0xE0 => (2, (byte)0xA0, (byte)0xBF),       // no overlong 3-byte forms
                0xED => (2, (byte)0x80, (byte)0x9F),       // no UTF-16 surrogates
                >= 0xE1 and <= 0xEF => (2, (byte)0x80, (byte)0xBF),
                0xF0 => (3, (byte)0x90, (byte)0xBF),       // no overlong 4-byte forms
                >= 0xF1 and <= 0xF3 => (3, (byte)0x80, (byte)0xBF),
                0xF4 => (3, (byte)0x80, (byte)0x8F),       // nothing above U+10FFFF
                _ => throw new InvalidUtf8Exception(_seqLine, _seqColumn, [b]),
            };
            i++;
        }
    }

    /// <summary>Advances line and column over ASCII bytes; CRLF, LF and a lone CR each end a line, as in Sep.</summary>
    private void CountAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty)
        {
            return;
        }

        if (_lastWasCr && ascii[0] == (byte)'\n')
        {
            ascii = ascii[1..];
        }

        _lastWasCr = false;
        if (ascii.IsEmpty)
        {
            return;
        }

        if (ascii.IndexOf((byte)'\r') < 0)
        {
            var breaks = ascii.Count((byte)'\n');
            if (breaks == 0)
            {
                _column += ascii.Length;
                return;
            }

            _line += breaks;
            _column = ascii.Length - 1 - ascii.LastIndexOf((byte)'\n');
            return;
        }

        foreach (var b in ascii)
        {
            if (b == (byte)'\r')
            {
                _line++;
                _column = 0;
                _lastWasCr = true;
            }
            else if (b == (byte)'\n')
            {
                if (!_lastWasCr)
                {
                    _line++;
                    _column = 0;
                }

                _lastWasCr = false;
            }
            else
            {
                _column++;
                _lastWasCr = false;
            }
        }
    }
}
