using System.Net;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class TrainJobTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Train_poll_list_activate()
    {
        var client = factory.CreateAuthorizedClient();
        var form = Http.File(NoteGenerator.Csv(150, seed: 21, idPrefix: "T"), "notes");
        form.Add(new StringContent("fast"), "tier");
        var response = await client.PostAsync("/api/train", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Json();
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location?.ToString());

        var done = await Http.WaitForJob(client, id);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        var version = done.GetProperty("version").GetString()!;
        Assert.EndsWith(".json", Path.Combine(factory.ModelsRoot, version, "metadata.json"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(factory.ModelsRoot, version, "metadata.json")));
        Assert.True(done.GetProperty("metrics").GetProperty("metrics").TryGetProperty("churned", out _));
        Assert.Equal(150, done.GetProperty("clients").GetInt32());

        var models = await (await client.GetAsync("/api/models")).Json();
        var listed = models.EnumerateArray().Single(m => m.GetProperty("version").GetString() == version);
        Assert.False(listed.GetProperty("active").GetBoolean()); // not activated unless asked

        await (await client.PostAsync($"/api/models/{version}/activate", null)).Json();
        Assert.Equal(version, (await (await client.GetAsync("/health")).Json()).GetProperty("model_version").GetString());

        var runs = await (await client.GetAsync("/api/runs")).Json();
        var run = runs.EnumerateArray().Single(r => r.GetProperty("run_id").GetString() == id);
        Assert.Equal("train", run.GetProperty("kind").GetString());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(version, run.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Training_with_real_labels_balanced_classes_and_activate_true()
    {
        var client = factory.CreateAuthorizedClient();
        var notes = NoteGenerator.Csv(120, seed: 23, idPrefix: "L");
        var random = new Random(1);
        var labels = "client_id,purchased,churned,lifetime_value\n" + string.Join("\n", Enumerable.Range(1, 120).Select(i =>
            $"L_{i:D4},{random.Next(2)},{random.Next(2)},{1000 + random.Next(20000)}")) + "\n";
        var form = Http.File(notes, "notes");
        form.AddFile(labels, "labels", "labels.csv");
        form.Add(new StringContent("fast"), "tier");
        form.Add(new StringContent("true"), "activate");
        form.Add(new StringContent("balanced"), "class_weights");
        var job = await (await client.PostAsync("/api/train", form)).Json();
        var done = await Http.WaitForJob(client, job.GetProperty("id").GetString()!);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal("labels.csv", done.GetProperty("metrics").GetProperty("label_source").GetString());
        Assert.Equal("balanced", done.GetProperty("metrics").GetProperty("class_weights").GetString());
        Assert.Equal(done.GetProperty("version").GetString(), (await (await client.GetAsync("/health")).Json()).GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Bad_inputs_are_refused_before_queueing()
    {
        var client = factory.CreateAuthorizedClient();
        var bad = Http.File("ID,Comment\nA,x\n", "notes");
        await (await client.PostAsync("/api/train", bad)).Problem(400);
        var tier = Http.File(TestModel.NotesCsv, "notes");
        tier.Add(new StringContent("turbo"), "tier");
        await (await client.PostAsync("/api/train", tier)).Problem(400);
        var weights = Http.File(TestModel.NotesCsv, "notes");
        weights.Add(new StringContent("heavy"), "class_weights");
        await (await client.PostAsync("/api/train", weights)).Problem(400);
        var sensitive = Http.File(TestModel.NotesCsv, "notes");
        sensitive.Add(new StringContent("maybe"), "include_sensitive");
        await (await client.PostAsync("/api/train", sensitive)).Problem(400);
    }

    [Fact]
    public async Task Unknown_job_is_404()
    {
        await (await factory.CreateClient().GetAsync("/api/jobs/nope")).Problem(404);
    }
}
