using Clientele.Server;

// The whole server is assembled in ClienteleServer so the CLI can host it in-process; this file only runs it.
var app = ClienteleServer.Create(args);
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can find it.</summary>
public partial class Program;
