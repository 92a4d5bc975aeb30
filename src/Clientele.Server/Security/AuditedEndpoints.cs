namespace Clientele.Server.Security;

/// <summary>
/// Audits the routes that read a client's detail or change something, by endpoint name, once the response is
/// decided: the action, the id in the route (client, version, run kind) and the status. One table, so a route
/// added later is audited by one line here rather than by code in its handler.
/// </summary>
public static class AuditedEndpoints
{
    /// <summary>Key in <c>HttpContext.Items</c> where a handler may leave the subject (e.g. a new key's id).</summary>
    public const string SubjectItem = "clientele:audit-subject";

    private static readonly Dictionary<string, (string Action, string? RouteValue)> Audited = new(StringComparer.Ordinal)
    {
        ["GetClient"] = (AuditTrail.ClientRead, "id"),
        ["Train"] = (AuditTrail.Train, null),
        ["ActivateModel"] = (AuditTrail.Activate, "version"),
        ["StartRun"] = (AuditTrail.RunStart, "kind"),
        ["CreateKey"] = (AuditTrail.KeyCreate, null),
        ["RevokeKey"] = (AuditTrail.KeyRevoke, "id"),
        ["ListAudit"] = (AuditTrail.AuditRead, null),
        ["ForgetClient"] = (AuditTrail.Erase, null),
        ["ExportClient"] = (AuditTrail.Export, null),
        ["SetConsent"] = (AuditTrail.Consent, null),
        ["PostTransactions"] = (AuditTrail.TransactionsUpload, null),
    };

    /// <summary>Adds the auditing middleware (after authentication, so the key id is known).</summary>
    public static IApplicationBuilder UseClienteleAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            if (context.User.Identity?.IsAuthenticated != true || name is null)
            {
                return;
            }

            string action;
            string? subject;
            if (Audited.TryGetValue(name, out var audited))
            {
                action = audited.Action;
                subject = context.Items[SubjectItem] as string
                    ?? (audited.RouteValue is { } v ? context.Request.RouteValues[v]?.ToString() : null);
            }
            else if (name == "Predict" && context.Request.Query["store"] == "true")
            {
                action = AuditTrail.StoreUpload;
                subject = null;
            }
            else
            {
                return;
            }

            if (name == "GetClient" && context.Items[SubjectItem] is null && subject is not null)
            {
                subject = RouteIds.Decode(context, subject);
            }

            context.RequestServices.GetRequiredService<AuditTrail>().Record(context, action, subject,
                context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
}
