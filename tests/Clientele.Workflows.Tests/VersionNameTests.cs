using System.Text.RegularExpressions;
using Clientele.Core.Features;
using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Tests;

public sealed class VersionNameTests
{
    [Theory]
    [InlineData("models/elite", "elite")]
    [InlineData("models/elite/", "elite")]
    [InlineData("/tmp/root/20260101-020000-fast-abc123", "20260101-020000-fast-abc123")]
    [InlineData("m-store", "m-store")]
    public void A_version_is_named_after_its_bundle_directory(string directory, string version) =>
        Assert.Equal(version, VersionName.Of(directory));

    [Fact]
    public void An_unusable_directory_name_gets_a_safe_name_that_is_stable_and_tells_directories_apart()
    {
        var one = VersionName.Of("/tmp/models/modèle été");
        Assert.True(VersionName.IsValid(one), one);
        Assert.StartsWith("mod-le--t--", one, StringComparison.Ordinal);
        Assert.Equal(one, VersionName.Of("/tmp/models/modèle été"));
        Assert.NotEqual(one, VersionName.Of("/tmp/other/modèle été"));
        Assert.True(VersionName.IsValid(VersionName.Of("/tmp/" + new string('x', 100))));
    }

    [Fact]
    public void A_new_version_is_sortable_by_time_names_its_tier_and_lives_under_the_root()
    {
        var name = VersionName.New(Tier.Elite, new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Matches(new Regex("^20260101-020000-elite-[0-9a-f]{6}$"), name);
        Assert.Equal(name, VersionName.Of(VersionName.DirectoryOf("/tmp/root", name)));
        Assert.NotEqual(name, VersionName.New(Tier.Elite, new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_name_that_could_leave_the_root_is_refused(string name)
    {
        Assert.False(VersionName.IsValid(name));
        Assert.Throws<ArgumentException>(() => VersionName.DirectoryOf("/tmp/root", name));
    }
}
