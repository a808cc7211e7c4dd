package dev.fairway.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The golfers' tee-sheet page at {@code /} and the staff page at {@code /staff}: plain HTML, CSS
 * and JavaScript from the jar, talking to the public API. The pages may load nothing from
 * anywhere but this service, and the browser is told so.
 */
public final class PageRoutes implements Routes {

    /** Scripts and styles only from this origin, no inline code, no framing, no referrer (a booking link is its credential). */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private static final String[] ASSETS = {"fairway.css", "common.js", "golfer.js", "teesheet.js", "staff.js",
            "course-settings.js", "staff-sheet.js", "hold.js", "waitlist.js", "draw.js", "favicon.svg"};

    private final byte[] teeSheet = ClasspathResources.read("/public/teesheet.html");
    private final byte[] staff = ClasspathResources.read("/public/staff.html");
    private final Map<String, byte[]> assets;

    public PageRoutes() {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : ASSETS) {
            files.put(name, ClasspathResources.read("/public/assets/" + name));
        }
        this.assets = Map.copyOf(files);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> send(ctx, "text/html; charset=utf-8", teeSheet));
        routes.get("/staff", ctx -> send(ctx, "text/html; charset=utf-8", staff));
        routes.get("/assets/{file}", this::asset);
        // Browsers ask for it whatever the page says; a 404 is an error on every page's console.
        routes.get("/favicon.ico", ctx -> send(ctx, "image/svg+xml", assets.get("favicon.svg")));
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] file = assets.get(name);
        if (file == null) {
            throw Problems.notFound("there is no asset " + name);
        }
        send(ctx, CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)), file);
    }

    private static void send(Context ctx, String contentType, byte[] body) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                // Small files: always revalidated, so a new release is never half-cached.
                .header("Cache-Control", "no-cache")
                .contentType(contentType)
                .result(body);
    }
}
