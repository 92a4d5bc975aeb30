namespace Clientele.Server.Tests.Fixtures;

/// <summary>A server whose store already holds 60 scored clients (uploaded once with ?store=true).</summary>
public sealed class StoredServerFactory : ServerFactory
{
    public const int Clients = 60;

    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _stored;

    public static string Csv { get; } = NoteGenerator.Csv(Clients, seed: 31, idPrefix: "C");

    public async Task EnsureStoredAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (!_stored)
            {
                var response = await CreateAuthorizedClient().PostAsync("/api/predict?store=true", Http.File(Csv));
                await response.Json();
                _stored = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }
}
