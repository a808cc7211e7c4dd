package dev.fairway.web;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP routes, added to the server by the composition root. */
@FunctionalInterface
public interface Routes {

    void addTo(RoutesConfig routes);
}
