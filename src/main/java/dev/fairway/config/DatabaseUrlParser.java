package dev.fairway.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the syntax of a database URL: {@code postgres://} and {@code postgresql://} in libpq's URI
 * form (several hosts, bracketed IPv6, percent-encoding) and {@code jdbc:postgresql://}. What each
 * query parameter means is {@link UrlParameters}' job.
 *
 * <p>Error messages say what is wrong and never repeat the URL, which may hold a password.
 */
final class DatabaseUrlParser {

    private static final String EXAMPLE = "postgres://user:password@host:5432/database";

    private final String setting;
    private final String url;

    DatabaseUrlParser(String setting, String url) {
        this.setting = setting;
        this.url = url == null ? "" : url.strip();
    }

    DatabaseUrl parse() {
        if (url.isEmpty()) {
            throw invalid("is empty: expected " + EXAMPLE);
        }
        String rest = withoutScheme();
        if (rest.indexOf('#') >= 0) {
            throw invalid("contains '#': percent-encode it as %23 (in a password, for example)");
        }
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);

        // The last '@' ends the user info, so an unencoded '@' or '/' inside a password still parses.
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? "" : beforeQuery.substring(0, at);
        String hostAndPath = at < 0 ? beforeQuery : beforeQuery.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        String hostList = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String path = slash < 0 ? "" : hostAndPath.substring(slash + 1);

        UrlParameters parameters = new UrlParameters(setting);
        readUserInfo(userInfo, parameters);
        parameters.hosts(readHosts(hostList));
        if (!path.isEmpty()) {
            parameters.database(decode(path, "database name"));
        }
        readQuery(query, parameters);
        return parameters.build();
    }

    private String withoutScheme() {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String scheme : List.of("postgres://", "postgresql://", "jdbc:postgresql://")) {
            if (lower.startsWith(scheme)) {
                return url.substring(scheme.length());
            }
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd > 0 && url.substring(0, schemeEnd).matches("[A-Za-z][A-Za-z0-9+.:-]*")) {
            throw invalid("has the scheme '" + url.substring(0, schemeEnd)
                    + "': use postgres://, postgresql:// or jdbc:postgresql://");
        }
        throw invalid("is not a URL: expected " + EXAMPLE);
    }

    private void readUserInfo(String userInfo, UrlParameters parameters) {
        if (userInfo.isEmpty()) {
            return;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        if (!user.isEmpty()) {
            parameters.user(decode(user, "user name"));
        }
        if (colon >= 0) {
            parameters.password(new Secret(decode(userInfo.substring(colon + 1), "password")));
        }
    }

    private List<HostAndPort> readHosts(String hostList) {
        if (hostList.isEmpty()) {
            return List.of();
        }
        List<HostAndPort> hosts = new ArrayList<>();
        for (String server : hostList.split(",", -1)) {
            hosts.add(readHost(server));
        }
        return hosts;
    }

    private HostAndPort readHost(String server) {
        String host;
        String port = "";
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            if (close < 0) {
                throw invalid("has an IPv6 address without its closing ']'");
            }
            host = server.substring(1, close);
            String after = server.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid("has unexpected text after the IPv6 address ']'");
                }
                port = after.substring(1);
            }
        } else {
            int colon = server.lastIndexOf(':');
            host = colon < 0 ? server : server.substring(0, colon);
            port = colon < 0 ? "" : server.substring(colon + 1);
        }
        host = decode(host, "host");
        if (host.isEmpty()) {
            throw invalid("has an empty host in its host list: expected " + EXAMPLE);
        }
        if (host.startsWith("/")) {
            throw invalid("names a Unix-domain socket: Fairway connects over TCP, use a host name such as localhost");
        }
        return new HostAndPort(host, port.isEmpty() ? HostAndPort.POSTGRES_PORT : UrlParameters.port(setting, port));
    }

    private void readQuery(String query, UrlParameters parameters) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "value of parameter " + name);
            if (seen.put(name, value) != null) {
                parameters.warn("parameter " + name + " is given twice; the last value is used");
            }
        }
        seen.forEach(parameters::apply);
    }

    private String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                throw invalid("has a '%' in its " + what + " that is not followed by two hex digits: "
                        + "percent-encode a literal '%' as %25");
            }
            bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("has a percent-encoded " + what + " that is not UTF-8");
        }
    }

    private InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(setting + " " + problem);
    }
}
