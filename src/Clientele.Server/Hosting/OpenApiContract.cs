using Clientele.Server.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Clientele.Server.Hosting;

/// <summary>
/// What the OpenAPI document says beyond what endpoint metadata can (issue 14, item 14): the <c>X-Api-Key</c> security
/// scheme, applied to every write route (the routes under the write rate limit) and offered on predict (needed only
/// with <c>store=true</c>); the multipart fields of <c>POST /api/train</c> and <c>POST /api/predict</c>; predict's CSV
/// answer as text; its query parameters. A client generated from the document then calls every route as the server expects.
/// </summary>
public static class OpenApiContract
{
    /// <summary>The security scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>Registers the transformers on the OpenAPI options.</summary>
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyCheck.Header,
                Description = "The key configured as CLIENTELE_API_KEY; required by every route that changes data.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var writes = metadata.OfType<EnableRateLimitingAttribute>().Any(a => a.PolicyName == RateLimits.Writes);
            var name = metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] };
            if (writes)
            {
                operation.Security = [key];
            }
            else if (name == "Predict")
            {
                // Scoring is open; saving (?store=true) needs the key: either requirement satisfies the route.
                operation.Security = [new OpenApiSecurityRequirement(), key];
            }

            if (name == "Predict")
            {
                Predict(operation);
            }
            else if (name == "PostTransactions")
            {
                Transactions(operation);
            }
            else if (name == "Train")
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = false,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new() { Schema = Form(("notes", File("Notes CSV; default: the notes in the store")), ("labels", File("Labels CSV; default: smart labels")),
                            ("tier", Text("fast or elite (default elite)")), ("activate", Text("true to activate the version when trained")),
                            ("class_weights", Text("none or balanced")), ("include_sensitive", Text("true to let health and religion concepts and words into the model (default false)")), ("max_bad_rows", Text("rejected rows allowed: a count or N% (default 0)")),
                            ("merge_extra_fields", Text("true to rejoin an unquoted comma into the note")), ("allow_small", Text("true to fit fewer than 50 labelled clients")),
                            ("transactions", File("Transactions CSV to train with instead of the stored ones (default: the transactions in the store, when any)"))) },
                    },
                };
            }

            return Task.CompletedTask;
        });
    }

    private static void Predict(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        foreach (var (field, description) in new[] { (IngestOptions.MaxBadRowsField, "rejected rows allowed: a count or N% (default 0: any rejected row is a 400)"), (IngestOptions.MergeExtraFieldsField, "true to rejoin the fields of a row longer than the header into its note") })
        {
            operation.Parameters.Add(new OpenApiParameter { Name = field, In = ParameterLocation.Query, Required = false, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = Form(("file", File("Notes CSV"))) },
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content && content.TryGetValue("text/csv", out var csv))
        {
            csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "client_id,purchase_prob,will_purchase,churn_risk,will_churn,predicted_clv,value_segment,risk_segment,reasons" };
        }
    }

    private static void Transactions(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter { Name = "decimal", In = ParameterLocation.Query, Required = false, Description = "decimal mark of the amounts: '.' (default) or ','", Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = Form(("transactions", File("Transactions CSV: client_id,date,amount[,order_id,currency,…]")), ("decimal", Text("'.' (default) or ','"))) },
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
    }

    private static OpenApiSchema Form(params (string Name, OpenApiSchema Schema)[] fields) =>
        new() { Type = JsonSchemaType.Object, Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)f.Schema) };

    private static OpenApiSchema File(string description) => new() { Type = JsonSchemaType.String, Format = "binary", Description = description };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
