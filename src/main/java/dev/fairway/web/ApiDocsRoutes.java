package dev.fairway.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The contract as OpenAPI 3.1 at {@code /openapi.yaml}, and Swagger UI (from its webjar) at {@code /docs}. */
public final class ApiDocsRoutes implements Routes {

    private final byte[] openApi;
    private final String docsPage;

    public ApiDocsRoutes() {
        this.openApi = ClasspathResources.read("/openapi.yaml");
        String version = swaggerUiVersion();
        this.docsPage = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Fairway API</title>
                  <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js"></script>
                  <script>window.ui = SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#swagger-ui"});</script>
                </body>
                </html>
                """.formatted(version);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApi));
        routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docsPage));
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
