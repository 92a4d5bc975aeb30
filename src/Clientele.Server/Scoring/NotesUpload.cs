using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Server.Hosting;

namespace Clientele.Server.Scoring;

/// <summary>Reads the notes of an upload, with every decoding problem turned into a located input error (a 400).</summary>
public static class NotesUpload
{
    /// <summary>Reads every note; rejected rows are a 400 unless <paramref name="options"/> allows them.</summary>
    public static List<Note> Read(Upload upload, IngestReport report, NotesCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            using var reader = CsvInput.OpenText(upload.Open());
            return NotesCsv.ReadAll(reader, upload.Name, report, options);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            // The first bytes are decoded before the CSV reader's own check sees them.
            throw new ClienteleInputException(upload.Name, null, null, Messages.NotValidText, e);
        }
    }
}
