package dev.fairway.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * A request body is JSON: a POST, PUT or PATCH with a body of any other media type is 415, before
 * any route sees it. This is what keeps a plain HTML form, or {@code fetch} in {@code no-cors}
 * mode, on another site from booking: those can only send {@code text/plain}, form or multipart
 * bodies without asking the browser's leave first.
 */
final class JsonBodies {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private JsonBodies() {
    }

    static void requireFor(RoutesConfig routes) {
        routes.before(JsonBodies::check);
    }

    private static void check(Context ctx) {
        if (!WITH_BODY.contains(ctx.req().getMethod()) || !hasBody(ctx)) {
            return;
        }
        if (!json(ctx.req().getContentType())) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the request body as JSON, with 'Content-Type: application/json'"));
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /** {@code application/json} or any {@code application/...+json}, with or without parameters. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
