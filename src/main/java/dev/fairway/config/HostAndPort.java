package dev.fairway.config;

/** One server of a database URL. {@code host} is a name, an IPv4 address or a bare IPv6 address. */
public record HostAndPort(String host, int port) {

    public static final int POSTGRES_PORT = 5432;

    public HostAndPort {
        if (host == null || host.isBlank()) {
            throw new InvalidSettingException("database host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException("database port " + port + " is out of range 1..65535");
        }
    }

    /** The form a URL needs: IPv6 addresses go in brackets. */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
