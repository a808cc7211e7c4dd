package dev.fairway.web;

import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Removes the headers that ask a server to treat a request as another method
 * ({@code X-HTTP-Method-Override} and its kin) before anything reads them: the request line's
 * method is the method. Javalin honours {@code X-HTTP-Method-Override} by itself, so a GET of a
 * booking carrying {@code X-HTTP-Method-Override: DELETE} cancelled it.
 */
final class MethodOverrideHeaders extends Handler.Wrapper {

    static final Set<String> OVERRIDES = Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (OVERRIDES.stream().noneMatch(headers::contains)) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable kept = HttpFields.build(headers);
        OVERRIDES.forEach(kept::remove);
        HttpFields without = kept.asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return without;
            }
        }, response, callback);
    }
}
