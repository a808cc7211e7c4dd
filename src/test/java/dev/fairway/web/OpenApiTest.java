package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void describes_every_route_the_server_registers() throws Exception {
        Http.Answer answer = api.http.get("/openapi.yaml");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/yaml");
        JsonNode openApi = new ObjectMapper(new YAMLFactory()).readTree(answer.body());
        assertThat(openApi.path("openapi").asText()).isEqualTo("3.1.0");

        List<String> registered = api.service.routes();
        assertThat(registered).contains("GET /api/courses/{courseId}/availability", "PUT /api/courses/{courseId}");

        List<String> missing = new ArrayList<>();
        for (String route : registered) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            if (openApi.path("paths").path(path).path(method).isMissingNode()) {
                missing.add(route);
            }
        }
        assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
    }

    @Test
    void every_parameter_has_an_example_and_no_path_parameter_a_pattern_a_validator_would_answer_422_for() throws Exception {
        JsonNode openApi = new ObjectMapper(new YAMLFactory()).readTree(api.http.get("/openapi.yaml").body());
        List<JsonNode> parameters = new ArrayList<>();
        openApi.path("components").path("parameters").forEach(parameters::add);
        openApi.path("paths").forEach(path -> {
            path.path("parameters").forEach(parameters::add);
            path.forEach(operation -> operation.path("parameters").forEach(parameters::add));
        });
        List<JsonNode> declared = parameters.stream().filter(p -> !p.has("$ref")).toList();

        assertThat(declared).as("parameters").hasSizeGreaterThan(10);
        assertThat(declared).allSatisfy(p -> assertThat(p.has("example")).as(p.path("name").asText() + " has an example").isTrue());
        assertThat(declared.stream().filter(p -> p.path("in").asText().equals("path")))
                .allSatisfy(p -> {
                    assertThat(p.path("schema").has("pattern")).as(p.path("name").asText()).isFalse();
                    assertThat(p.path("schema").has("enum")).as(p.path("name").asText()).isFalse();
                });
    }

    @Test
    void serves_swagger_ui_from_its_webjar() {
        Http.Answer docs = api.http.get("/docs");

        assertThat(docs.status()).isEqualTo(200);
        String bundle = docs.body().replaceAll("(?s).*src=\"(/docs/[^\"]+bundle[^\"]*)\".*", "$1");
        assertThat(bundle).isEqualTo("/docs/swagger-ui-bundle.js");
        Http.Answer script = api.http.get(bundle);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    @Test
    void the_docs_page_loads_nothing_from_elsewhere_and_cannot_be_framed() {
        Http.Answer docs = api.http.get("/docs");

        assertThat(docs.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(docs.body()).doesNotContain("<script>", "http://", "https://");
        assertThat(api.http.get("/docs/docs.js").header("Content-Security-Policy")).isNotNull();
    }

    @Test
    void the_webjars_own_pages_are_not_served() {
        String version = "5.34.1";
        for (String page : new String[] {"index.html", "swagger-initializer.js", "oauth2-redirect.html"}) {
            assertThat(api.http.get("/webjars/swagger-ui/" + version + "/" + page).status()).as(page).isEqualTo(404);
        }
        assertThat(api.http.get("/docs/index.html").status()).isEqualTo(404);
    }
}
