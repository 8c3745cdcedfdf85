using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Search;
using Scalar.AspNetCore;

namespace Rasid.Web;

/// <summary>
/// Builds the Rasid web application: the REST API under <c>/api</c>, the OpenAPI document at
/// <c>/openapi/v1.json</c> with an interactive page at <c>/scalar</c>, and the static RTL web UI.
/// </summary>
public static class RasidWebApp
{
    /// <summary>
    /// A builder with Rasid's services: the catalog from <paramref name="catalogFactory"/>, a search index synced
    /// with it, the analysis pipeline, JSON and ProblemDetails settings, and Kestrel bound to
    /// <see cref="RasidWebOptions.Host"/>:<see cref="RasidWebOptions.Port"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, RasidWebOptions options, Func<IServiceProvider, IDocumentCatalog> catalogFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalogFactory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(RasidWebApp).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(options.Port);
            else kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IDocumentCatalog>(catalogFactory);
        builder.Services.AddSingleton(sp => new IndexHolder(sp.GetRequiredService<IDocumentCatalog>(), options));
        builder.Services.AddSingleton(_ => new Lazy<RasidPipeline>(RasidPipeline.CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Rasid API";
            doc.Info.Description = "Arabic news event intelligence: analyse text, read documents, search documents/quotes/events, browse events, actors and corpus figures.";
            return Task.CompletedTask;
        }));
        builder.Services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        });
        return builder;
    }

    /// <summary>Builds the application from <paramref name="builder"/> and maps every endpoint and the UI.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);

        var files = new EmbeddedFileProvider(typeof(RasidWebApp).Assembly, "Rasid.Web.wwwroot");
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".woff2"] = "font/woff2";
        app.MapGet("/", () => Results.Redirect("/index.html")).ExcludeFromDescription();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });

        app.MapOpenApi();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Rasid API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp());
        ApiEndpoints.Map(app.MapGroup("/api").WithTags("Rasid"));

        // Build the index before the first request.
        app.Lifetime.ApplicationStarted.Register(() => _ = app.Services.GetRequiredService<IndexHolder>().Index);
        return app;
    }

    /// <summary>The address the started server listens on (useful with port 0).</summary>
    public static string? ListeningAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
        {
            // Defence in depth: the UI never inserts article text as HTML, and the page allows no inline scripts.
            headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        }
        else
        {
            // The API page's own inline start-up script is allowed; nothing may be fetched from elsewhere (works offline).
            headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        }

        return next();
    }
}

/// <summary>The search index, built from the catalog on first use and kept in sync.</summary>
internal sealed class IndexHolder(IDocumentCatalog catalog, RasidWebOptions options) : IDisposable
{
    private readonly Lazy<SearchIndex> _index = new(() =>
    {
        var index = options.IndexPath is null ? SearchIndex.InMemory() : SearchIndex.Open(options.IndexPath);
        index.Sync(catalog);
        return index;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public SearchIndex Index => _index.Value;

    public void Dispose()
    {
        if (_index.IsValueCreated) _index.Value.Dispose();
    }
}

/// <summary>Entry point for <c>dotnet run --project src/Rasid.Web -- [--Rasid:Docs FILE.jsonl]</c> and for the API tests.</summary>
public sealed class RasidWebHost
{
    private RasidWebHost()
    {
    }

    /// <summary>Starts the server with the catalog named by the <c>Rasid:Docs</c> setting (empty when unset).</summary>
    public static void Main(string[] args)
    {
        var builder = RasidWebApp.CreateBuilder(args, new RasidWebOptions(), sp =>
        {
            var path = sp.GetRequiredService<IConfiguration>()["Rasid:Docs"];
            return path is null ? new InMemoryCatalog() : InMemoryCatalog.LoadJsonl(path, Console.Error.WriteLine);
        });
        RasidWebApp.Build(builder).Run();
    }
}
