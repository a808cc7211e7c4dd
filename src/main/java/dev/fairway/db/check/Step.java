package dev.fairway.db.check;

import dev.fairway.db.postgres.Migrations;
import dev.fairway.db.postgres.Replication;

/** The steps of {@code fairway check-db}, in the order they run. */
public enum Step {
    URL("URL"),
    DNS("DNS"),
    TCP("TCP connect"),
    TLS("TLS"),
    AUTHENTICATION("Authentication"),
    SERVER("Server"),
    REPLICATION("Replication"),
    POOLER("Pooler"),
    LATENCY("Latency"),
    MIGRATIONS("Migrations");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
