namespace Clientele.Core.Tests.Concepts;
