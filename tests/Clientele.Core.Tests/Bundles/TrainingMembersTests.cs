using Clientele.Core.Bundles;
using Clientele.Core.Errors;

namespace Clientele.Core.Tests.Bundles;

public sealed class TrainingMembersTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 500).Select(i => $"CL_{i:D5}")];

    private static byte[] Bytes(TrainingMembers members)
    {
        using var m = new MemoryStream();
        members.Save(m);
        return m.ToArray();
    }

    [Fact]
    public void The_same_training_writes_the_same_bytes_whatever_the_order_of_its_clients()
    {
        var a = TrainingMembers.Of(Ids, "fp", 7);
        var b = TrainingMembers.Of(Ids.Reverse(), "fp", 7);
        Assert.Equal(Bytes(a), Bytes(b));
        Assert.NotEqual(Bytes(a), Bytes(TrainingMembers.Of(Ids, "fp", 8)));
    }

    [Fact]
    public void Saved_and_loaded_members_answer_alike_and_hold_no_client_id()
    {
        var members = TrainingMembers.Of(Ids.Take(250), "fp", 7);
        var bytes = Bytes(members);
        var loaded = TrainingMembers.Load(new MemoryStream(bytes), "trained_on.txt");
        Assert.Equal(250, loaded.Count);
        Assert.All(Ids, id => Assert.Equal(members.Contains(id), loaded.Contains(id)));
        Assert.Equal(250, Ids.Count(loaded.Contains));
        Assert.DoesNotContain("CL_", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_format_or_a_damaged_line_is_refused_with_the_file_and_line()
    {
        var newer = new MemoryStream("clientele-training-members 2\n00\n"u8.ToArray());
        Assert.Contains("version", Assert.Throws<ClienteleInputException>(() => TrainingMembers.Load(newer, "t.txt")).Message, StringComparison.OrdinalIgnoreCase);
        var bytes = Bytes(TrainingMembers.Of(Ids.Take(3), "fp", 1)).Concat("not-hex\n"u8.ToArray()).ToArray();
        var e = Assert.Throws<ClienteleInputException>(() => TrainingMembers.Load(new MemoryStream(bytes), "t.txt"));
        Assert.Equal(6L, e.Line);
    }
}
