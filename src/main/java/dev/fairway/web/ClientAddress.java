package dev.fairway.web;

import dev.fairway.config.TrustedProxies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who a request comes from: the TCP peer, or, when the peer is a trusted proxy, the last address
 * in {@code X-Forwarded-For} that is not one. Hops left of that could have been written by the
 * client itself, so they are never believed.
 */
public final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    public static String of(Context ctx, TrustedProxies proxies) {
        String peer = ctx.req().getRemoteAddr();
        if (!proxies.trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(ctx.req().getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!proxies.trusts(client)) {
                return client;
            }
        }
        return client; // every hop is a proxy of ours: the first one is as near the client as we know
    }
}
