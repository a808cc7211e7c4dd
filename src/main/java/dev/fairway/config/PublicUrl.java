package dev.fairway.config;

import java.net.URI;

/**
 * Where golfers reach Fairway: every link in an email starts with it. {@code FAIRWAY_PUBLIC_URL}
 * when set; else {@code http://localhost:<port>}, the port the server listens on, which with
 * {@code PORT=0} is known only once it listens (emailed links used to say 8080 whatever the port).
 */
public final class PublicUrl {

    private final boolean given;
    private volatile URI uri;

    private PublicUrl(URI uri, boolean given) {
        this.uri = uri;
        this.given = given;
    }

    public static PublicUrl given(URI uri) {
        return new PublicUrl(uri, true);
    }

    /** {@code http://localhost:<port>}, the port being the one the server turns out to listen on. */
    public static PublicUrl ofListeningPort(int configuredPort) {
        return new PublicUrl(localhost(configuredPort == 0 ? Settings.PORT : configuredPort), false);
    }

    /** The server listens on {@code port}: a URL not given follows it. */
    public void listeningOn(int port) {
        if (!given) {
            uri = localhost(port);
        }
    }

    public URI uri() {
        return uri;
    }

    public boolean isGiven() {
        return given;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private static URI localhost(int port) {
        return URI.create("http://localhost:" + port);
    }
}
