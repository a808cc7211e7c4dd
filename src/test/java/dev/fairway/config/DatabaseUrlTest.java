package dev.fairway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseUrlTest {

    static Stream<Arguments> validUrls() {
        return Stream.of(
                Arguments.of("postgres://app:secret@db.example.com:5432/fairway",
                        "jdbc:postgresql://db.example.com:5432/fairway", "app", "secret", false),
                Arguments.of("postgresql://app@localhost/fairway",
                        "jdbc:postgresql://localhost:5432/fairway", "app", "", false),
                Arguments.of("jdbc:postgresql://localhost:6432/fairway?user=app&password=pw",
                        "jdbc:postgresql://localhost:6432/fairway", "app", "pw", false),
                // Supabase's transaction pooler, as Prisma's docs write it
                Arguments.of("postgresql://postgres.abcdefghijklmnopqrst:pa%24%24word@aws-0-us-east-1.pooler.supabase.com:6543"
                                + "/postgres?pgbouncer=true&connection_limit=1",
                        "jdbc:postgresql://aws-0-us-east-1.pooler.supabase.com:6543/postgres",
                        "postgres.abcdefghijklmnopqrst", "pa$$word", true),
                // Supabase's session pooler
                Arguments.of("postgresql://postgres.abcdefghijklmnopqrst:pw@aws-1-us-east-1.pooler.supabase.com:5432/postgres",
                        "jdbc:postgresql://aws-1-us-east-1.pooler.supabase.com:5432/postgres",
                        "postgres.abcdefghijklmnopqrst", "pw", false),
                // port 6543 alone marks a transaction pooler
                Arguments.of("postgres://u:p@pooler.example.com:6543/db",
                        "jdbc:postgresql://pooler.example.com:6543/db", "u", "p", true),
                Arguments.of("postgres://u:p@[::1]:5433/db", "jdbc:postgresql://[::1]:5433/db", "u", "p", false),
                Arguments.of("postgres://u:p@host1:5432,host2:5433/db",
                        "jdbc:postgresql://host1:5432,host2:5433/db", "u", "p", false),
                // an unencoded '@' and '/' in the password still parse: the last '@' ends the user info
                Arguments.of("postgres://u:p@ss/w@host/db", "jdbc:postgresql://host:5432/db", "u", "p@ss/w", false),
                Arguments.of("postgres://u:p@host", "jdbc:postgresql://host:5432/u", "u", "p", false));
    }

    @ParameterizedTest
    @MethodSource("validUrls")
    void parses_libpq_prisma_and_jdbc_urls(String url, String jdbcUrl, String user, String password,
                                           boolean transactionPooler) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);

        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password().reveal()).isEqualTo(password);
        assertThat(parsed.transactionPooler()).isEqualTo(transactionPooler);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void maps_every_prisma_parameter_onto_the_driver_and_pool() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h:5432/db?connection_limit=7&pool_timeout=3"
                + "&connect_timeout=4&socket_timeout=20&sslmode=require&pgbouncer=true&schema=golf"
                + "&application_name=tee&statement_cache_size=0");

        assertThat(url.connectionLimit()).hasValue(7);
        assertThat(url.poolTimeout()).contains(Duration.ofSeconds(3));
        assertThat(url.connectTimeout()).contains(Duration.ofSeconds(4));
        assertThat(url.socketTimeout()).contains(Duration.ofSeconds(20));
        assertThat(url.pgbouncer()).isTrue();
        assertThat(url.schema()).contains("golf");
        assertThat(url.driverProperties()).containsAllEntriesOf(Map.of(
                "sslmode", "require", "ApplicationName", "tee",
                "preparedStatementCacheQueries", "0", "prepareThreshold", "0"));
        assertThat(url.warnings()).isEmpty();
    }

    @Test
    void passes_pgjdbc_properties_through() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&tcpKeepAlive=false&targetServerType=primary");

        assertThat(url.driverProperties()).containsEntry("tcpKeepAlive", "false").containsEntry("targetServerType", "primary");
    }

    @Test
    void warns_about_an_unknown_parameter_by_name_without_its_value() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@h/db?frobnicate=hunter2&keepalives_idle=30");

        assertThat(url.warnings()).containsExactly(
                "parameter frobnicate is unknown and is ignored",
                "parameter keepalives_idle has no equivalent in the Java driver and is ignored");
        assertThat(String.join(" ", url.warnings())).doesNotContain("hunter2");
    }

    @Test
    void warns_that_startup_options_break_a_transaction_pooler() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@h:6543/db?options=-c%20search_path%3Dx");

        assertThat(url.warnings()).singleElement().asString().contains("options").contains("PgBouncer");
    }

    static Stream<Arguments> malformedUrls() {
        return Stream.of(
                Arguments.of("", "is empty"),
                Arguments.of("mysql://u:hunter2@h/db", "has the scheme 'mysql'"),
                Arguments.of("localhost:5432/db", "is not a URL"),
                Arguments.of("postgres:///db", "has no host"),
                Arguments.of("postgres://hunter2@h:abc/db", "port that is not a number"),
                Arguments.of("postgres://u:hunter2@h:70000/db", "port that is not a number"),
                Arguments.of("postgres://u:hun%zzter2@h/db", "not followed by two hex digits"),
                Arguments.of("postgres://u:hunter2#x@h/db", "contains '#'"),
                Arguments.of("postgres://:hunter2@h/db", "has no user name"),
                Arguments.of("postgres://u:hunter2@h/db?sslmode=sometimes", "sslmode must be one of"),
                Arguments.of("postgres://u:hunter2@h/db?connection_limit=0", "connection_limit must be at least 1"),
                Arguments.of("postgres://u:hunter2@h/db?pool_timeout=soon", "pool_timeout must be a whole number"),
                Arguments.of("postgres://u:hunter2@h/db?pgbouncer=maybe", "pgbouncer must be true or false"),
                Arguments.of("postgres://u:hunter2@[::1/db", "without its closing ']'"),
                Arguments.of("postgres://u:hunter2@%2Fvar%2Frun/db", "Unix-domain socket"),
                Arguments.of("postgres://u:hunter2@h/db?schema=a;drop", "plain schema name"));
    }

    @ParameterizedTest
    @MethodSource("malformedUrls")
    void refuses_a_malformed_url_naming_what_is_wrong_and_never_the_password(String url, String problem) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("DATABASE_URL ")
                .hasMessageContaining(problem)
                .message().doesNotContain("hunter2");
    }

    @Test
    void never_prints_the_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:hunter2@h/db?sslpassword=keypass&sslmode=require");

        assertThat(url.toString()).isEqualTo(url.redacted())
                .doesNotContain("hunter2").doesNotContain("keypass")
                .isEqualTo("postgresql://app:***@h:5432/db?sslmode=require&sslpassword=***");
        assertThat(url.password().toString()).isEqualTo("***");
        assertThat(url.jdbcUrl()).doesNotContain("hunter2");
    }
}
