using Clientele.Core.Ingest;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Storage.Tests;

/// <summary>Small records for the store tests. Times are whole seconds: PostgreSQL keeps microseconds, not ticks.</summary>
internal static class Sample
{
    public static readonly DateOnly Day = new(2026, 1, 8);

    public static readonly DateTimeOffset T0 = new(2026, 1, 8, 9, 30, 0, TimeSpan.Zero);

    public static ClientRecord Client(string id, string name = "") => new(id, name, Day, Day.AddDays(30), 2, "FR,EN");

    public static Note Note(string id, string text, DateOnly? date = null) => new(id, date, "FR", text, 2);

    public static ConceptRecord Concept(string id, string concept, int count = 1) => new(id, concept, concept.Replace('_', ' '), "luxury", count);

    public static PredictionRecord Prediction(string id, DateTimeOffset at, double clv, double churn = 0.2, string model = "v1") =>
        new(id, model, at, new ClientScore(id, 0.7, true, churn, churn >= 0.5, clv, Segments.Value(clv), Segments.Risk(churn), "gift, no-limit budget"));

    public static ModelVersionRecord Model(string version, int minute, bool active = false) =>
        new(version, "fast", $"/models/{version}", T0.AddMinutes(minute), """{"purchase":{"auc":0.61}}""", active);

    public static RunRecord Run(string id, int minute, string status = "succeeded") =>
        new(id, "train", status, T0.AddMinutes(minute), T0.AddMinutes(minute + 1), 2000, "v1", null);

    /// <summary>Saves clients with no notes or concepts.</summary>
    public static void SaveClients(this IClienteleStore store, params ClientRecord[] clients) => store.SaveClients(clients, [], []);
}
