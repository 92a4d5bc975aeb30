return Clientele.Cli.ClienteleApp.Run(args);
