package dev.fairway.db.check;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.HostAndPort;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a failure to reach or log in to the database into one line that says the likely cause
 * and the fix. Each known failure is recognised here and nowhere else.
 */
final class FailureDiagnosis {

    private final DatabaseUrl url;
    private final HostAndPort server;

    FailureDiagnosis(DatabaseUrl url) {
        this.url = url;
        this.server = url.primaryHost();
    }

    String forNetwork(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof UnknownHostException) {
            return "DNS lookup of " + server.host() + " failed: the host name is wrong or not resolvable from "
                    + "here; check it for typos";
        }
        if (cause instanceof ConnectException) {
            return "nothing is listening on " + server + ": is PostgreSQL (or the pooler) running, and is the "
                    + "port right? (PostgreSQL uses 5432, PgBouncer 6432, Supabase's pooler 5432 and 6543)";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to " + server.host() + ": the host is unreachable from this network";
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer from " + server + " in time: a firewall drops the packets, or the host or port "
                    + "is wrong";
        }
        return "could not reach " + server + ": " + cause;
    }

    String forLogin(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (state.equals("28P01") || lower.contains("password authentication failed")) {
            return "authentication failed for user " + url.user() + ": check the user name and password "
                    + "(percent-encode special characters of the password in the URL)";
        }
        if (lower.contains("no pg_hba.conf entry") && (lower.contains("no encryption") || lower.contains("ssl off"))) {
            return "the server accepts only TLS connections: add sslmode=require to the URL";
        }
        if (lower.contains("does not support ssl")) {
            return "sslmode asks for TLS but the server does not offer it: use sslmode=prefer or disable, "
                    + "or enable ssl on the server";
        }
        if (state.equals("28000") || lower.contains("no pg_hba.conf entry")) {
            return "the server does not let user " + url.user() + " in from this host: check pg_hba.conf "
                    + "or the provider's network restrictions";
        }
        if (state.equals("3D000") || lower.contains("no such database")) {
            return "database " + url.database() + " does not exist: create it, or fix the database name at the "
                    + "end of the URL";
        }
        if (state.equals("53300") || lower.contains("too many clients") || lower.contains("max_client_conn")
                || lower.contains("max client connections") || lower.contains("remaining connection slots")) {
            return "the server has no free connection slot: lower connection_limit, close idle clients, or "
                    + "put a pooler in front";
        }
        if (lower.contains("maxclientsinsessionmode")) {
            return "the session-mode pooler is full (each client holds a server connection): use the "
                    + "transaction-mode port 6543 with pgbouncer=true, or lower connection_limit";
        }
        if (lower.contains("tenant or user not found")) {
            return "Supabase's pooler does not know this user: through the pooler the user name is "
                    + "postgres.<project-ref>";
        }
        if (lower.contains("unsupported startup parameter")) {
            String parameter = message.substring(lower.indexOf("unsupported startup parameter")
                    + "unsupported startup parameter".length()).replaceFirst("^[:\\s]+", "").split("\\s")[0];
            return "the pooler rejects the startup parameter " + parameter + ": add it to PgBouncer's "
                    + "ignore_startup_parameters, or remove options= from the URL";
        }
        if (lower.contains("pgbouncer cannot connect to server")) {
            return "the pooler answers but cannot reach PostgreSQL behind it: check the server the pooler "
                    + "points to";
        }
        if (failure.getCause() != null && !(failure.getCause() instanceof SQLException)) {
            return forNetwork(failure.getCause());
        }
        return "the server refused the connection (" + state + "): " + firstLine(message);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
