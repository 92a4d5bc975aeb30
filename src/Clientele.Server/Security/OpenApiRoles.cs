using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clientele.Server.Security;

/// <summary>Shows each operation's policy in the OpenAPI document: "Roles: …" in its description, or "No credential".</summary>
public sealed class OpenApiRoles : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        var text = metadata.OfType<IAllowAnonymous>().Any()
            ? "No credential."
            : $"Roles: {string.Join(", ", Policies.RolesOf(policy ?? Policies.Read))} (X-Api-Key header or the dashboard's session cookie).";
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? text : operation.Description + " " + text;
        return Task.CompletedTask;
    }
}
