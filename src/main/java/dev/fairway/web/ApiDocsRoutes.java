package dev.fairway.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The contract as OpenAPI 3.1 at {@code /openapi.yaml}, and Swagger UI at {@code /docs}: only
 * the two files of its webjar the page needs, never the webjar's own pages (its stock
 * {@code index.html} loads the petstore from the internet), under a Content-Security-Policy that
 * lets the page load nothing from elsewhere and be framed by no one.
 */
public final class ApiDocsRoutes implements Routes {

    /** Swagger UI sets inline styles and draws icons from data: URIs; everything else only from here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
            + "object-src 'none'";
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="description" content="The Fairway HTTP API: tee-time availability and bookings">
              <title>Fairway API</title>
              <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/docs.js"></script>
            </body>
            </html>
            """;
    /** No inline script: the page's one line of its own is a file too. */
    private static final String INIT = "window.ui = SwaggerUIBundle({url: \"/openapi.yaml\", dom_id: \"#swagger-ui\"});\n";

    private final byte[] openApi;
    private final Map<String, Asset> assets;

    /** A file of the page, and its media type. */
    private record Asset(byte[] bytes, String contentType) {
    }

    public ApiDocsRoutes() {
        this.openApi = ClasspathResources.read("/openapi.yaml");
        String webjar = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        this.assets = Map.of(
                "swagger-ui.css", new Asset(ClasspathResources.read(webjar + "swagger-ui.css"), "text/css; charset=utf-8"),
                "swagger-ui-bundle.js", new Asset(ClasspathResources.read(webjar + "swagger-ui-bundle.js"),
                        "text/javascript; charset=utf-8"),
                "docs.js", new Asset(INIT.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8"));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApi));
        routes.get("/docs", ctx -> send(ctx, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
        routes.get("/docs/{file}", this::asset);
    }

    private void asset(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("file"));
        if (asset == null) {
            throw Problems.notFound("there is no such file of the API documentation");
        }
        send(ctx, asset.contentType(), asset.bytes());
    }

    private static void send(Context ctx, String contentType, byte[] body) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .contentType(contentType)
                .result(body);
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
