package dev.fairway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Refuses, with a 400 naming them, the query parameters an API operation does not take, as
 * {@code openapi.yaml} lists them. A misspelt or guessed parameter used to be ignored without a
 * word, and the request answered as if it had not been sent ({@code ?date=2026-12-04} answered
 * today). The contract is the one list the service checks against, so the two cannot drift
 * apart: a parameter the code reads but the contract leaves out fails every test that sends it.
 *
 * <p>The token check still comes first, as the contract says: an operation that needs the admin's
 * or a golfer's token is checked here only when the request carries one, and one without it is
 * left to its handler's 401.
 */
public final class KnownQueryParameters implements Routes {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^/}]+}");

    /** Who may call an operation, by its {@code security}. */
    private enum Access {
        ANYONE, ADMIN, GOLFER;

        static Access of(JsonNode security) {
            boolean admin = false;
            boolean golfer = false;
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    return ANYONE; // {} : no token needed
                }
                admin |= requirement.has("adminToken");
                golfer |= requirement.has("golferToken");
            }
            return golfer ? GOLFER : admin ? ADMIN : ANYONE;
        }
    }

    /** One operation of the contract and the query parameters it takes. */
    private record Operation(String method, Pattern path, Access access, Set<String> known) {
    }

    private final List<Operation> operations;
    private final AdminAuth admin;

    private KnownQueryParameters(List<Operation> operations, AdminAuth admin) {
        this.operations = List.copyOf(operations);
        this.admin = admin;
    }

    /** The service's own contract. */
    public static KnownQueryParameters ofContract(AdminAuth admin) {
        return of(ClasspathResources.read("/openapi.yaml"), admin);
    }

    /** The operations of an OpenAPI document, each with its path's and its own query parameters, references followed. */
    static KnownQueryParameters of(byte[] openApi, AdminAuth admin) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(openApi);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml cannot be read", e);
        }
        JsonNode shared = root.path("components").path("parameters");
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> {
            Set<String> ofPath = queryParameters(path.getValue().path("parameters"), shared);
            path.getValue().properties().stream().filter(entry -> METHODS.contains(entry.getKey())).forEach(entry -> {
                Set<String> known = new TreeSet<>(ofPath);
                known.addAll(queryParameters(entry.getValue().path("parameters"), shared));
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), template(path.getKey()),
                        Access.of(entry.getValue().path("security")), known));
            });
        });
        return new KnownQueryParameters(operations, admin);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> {
            if (ctx.path().startsWith("/api/")) {
                check(ctx);
            }
        });
    }

    /** Throws the 400 when the request's operation does not take one of its query parameters. */
    void check(Context ctx) {
        Set<String> given = ctx.queryParamMap().keySet();
        if (given.isEmpty()) {
            return;
        }
        String method = ctx.method().name();
        for (Operation operation : operations) {
            if (operation.method().equals(method) && operation.path().matcher(ctx.path()).matches()) {
                if (!tokenChecked(ctx, operation.access())) {
                    return;
                }
                List<String> unknown = given.stream().filter(name -> !operation.known().contains(name)).sorted().toList();
                if (!unknown.isEmpty()) {
                    throw new InvalidRequestException(unknown.getFirst(), refusal(unknown, operation.known()));
                }
                return;
            }
        }
        // No operation of the contract: the router answers 404 or 405.
    }

    /** Whether the request carries the token the operation needs (a golfer's was checked before this). */
    private boolean tokenChecked(Context ctx, Access access) {
        return switch (access) {
            case ANYONE -> true;
            case ADMIN -> admin.carriesAdminToken(ctx);
            case GOLFER -> BearerToken.value(ctx) != null && !admin.carriesAdminToken(ctx);
        };
    }

    private static String refusal(List<String> unknown, Set<String> known) {
        String names = String.join(", ", unknown.stream().map(name -> "'" + name + "'").toList());
        String takes = known.isEmpty() ? "it takes no query parameters" : "it takes " + String.join(", ", known);
        return (unknown.size() == 1 ? "unknown query parameter " : "unknown query parameters ") + names
                + " for this operation: " + takes + " (see /openapi.yaml)";
    }

    private static Set<String> queryParameters(JsonNode parameters, JsonNode shared) {
        Set<String> names = new TreeSet<>();
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter;
            if (parameter.has("$ref")) {
                String ref = parameter.path("$ref").asText();
                resolved = shared.path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (resolved.path("in").asText().equals("query")) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }

    /** {@code /api/courses/{courseId}} as a pattern that matches each of its paths. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        var matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            regex.append(Pattern.quote(path.substring(last, matcher.start()))).append("[^/]+");
            last = matcher.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).toString());
    }
}
