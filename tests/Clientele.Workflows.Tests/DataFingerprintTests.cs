using System.Text;
using Clientele.Core.Ingest;
using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Tests;

public sealed class DataFingerprintTests
{
    private static readonly byte[] Notes = Encoding.UTF8.GetBytes("client_id,date,transcription\nA,2026-01-01,gift for her anniversary\n");
    private static readonly byte[] Labels = Encoding.UTF8.GetBytes("client_id,purchased\nA,1\n");

    [Fact]
    public void The_same_inputs_give_the_same_fingerprint()
    {
        var one = DataFingerprint.Of(DataFingerprint.Digest(Notes), DataFingerprint.Digest(Labels));
        Assert.Equal(one, DataFingerprint.Of(DataFingerprint.Digest((byte[])Notes.Clone()), DataFingerprint.Digest((byte[])Labels.Clone())));
        Assert.Matches("^[0-9a-f]{64}$", one);
    }

    [Fact]
    public void One_changed_byte_or_a_changed_order_changes_it()
    {
        var one = DataFingerprint.Of(DataFingerprint.Digest(Notes), DataFingerprint.Digest(Labels));
        var changed = (byte[])Notes.Clone();
        changed[^2] ^= 1;
        Assert.NotEqual(one, DataFingerprint.Of(DataFingerprint.Digest(changed), DataFingerprint.Digest(Labels)));
        Assert.NotEqual(one, DataFingerprint.Of(DataFingerprint.Digest(Labels), DataFingerprint.Digest(Notes)));
        Assert.NotEqual(one, DataFingerprint.Of(DataFingerprint.Digest(Notes)));
    }

    [Fact]
    public void A_file_and_an_upload_of_the_same_bytes_agree_and_a_missing_input_is_skipped()
    {
        using var stream = new MemoryStream(Notes);
        Assert.Equal(DataFingerprint.Of(DataFingerprint.Digest(Notes)), DataFingerprint.Of(DataFingerprint.Digest(stream), null));
    }

    [Fact]
    public void Stored_notes_are_fingerprinted_by_client_date_and_text()
    {
        Note At(string text) => new("A", new DateOnly(2026, 1, 1), "EN", text, 2);
        var one = DataFingerprint.Of(DataFingerprint.Digest([At("gift")]));
        Assert.Equal(one, DataFingerprint.Of(DataFingerprint.Digest([At("gift") with { Line = 9 }])));
        Assert.NotEqual(one, DataFingerprint.Of(DataFingerprint.Digest([At("gifts")])));
    }
}
