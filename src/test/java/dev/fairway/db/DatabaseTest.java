package dev.fairway.db;

import dev.fairway.db.pool.ConnectionPool;
import dev.fairway.db.pool.PoolSettings;
import dev.fairway.db.resilience.ResiliencePolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private final DatabaseUrl url = TestPostgres.newDatabase();
    private TcpProxy proxy;
    private ConnectionPool pool;
    private Database database;

    @BeforeEach
    void open() {
        proxy = TcpProxy.to(TestPostgres.port());
        DatabaseUrl viaProxy = TestPostgres.url(proxy.port(), url.database());
        pool = ConnectionPool.open("test", viaProxy, PoolSettings.forUrl(viaProxy), null);
        database = new Database(pool, new ResiliencePolicy(ResilienceSettings.defaults(), System::currentTimeMillis),
                ResilienceSettings.defaults(), dev.fairway.db.WriteGuard.NONE);
    }

    @AfterEach
    void close() {
        pool.close();
        proxy.close();
    }

    @Test
    void a_write_is_cut_off_by_the_server_at_the_deadline_and_leaves_no_setting_behind() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> database.write("sleep", Deadline.after(Duration.ofMillis(300)),
                session -> session.query("select pg_sleep(5)", SqlSession.Binder.NONE, rs -> 1)))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("57014");
                    assertThat(e.phase()).isEqualTo(Phase.WORK);
                    assertThat(e.getMessage()).startsWith("sleep failed while work: 57014");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));

        String timeout = database.read("show", Deadline.after(Duration.ofSeconds(5)),
                session -> session.queryOne("select current_setting('statement_timeout')", SqlSession.Binder.NONE,
                        rs -> rs.getString(1)).orElseThrow());
        assertThat(timeout).as("the statement's own SET LOCAL: the attempt's 1.5 s limit, not a leftover")
                .matches("14[0-9]{2}ms|1500ms");
        String sessionValue = database.write("show", Deadline.after(Duration.ofSeconds(60)),
                session -> session.queryOne("select current_setting('statement_timeout')", SqlSession.Binder.NONE,
                        rs -> rs.getString(1)).orElseThrow());
        assertThat(sessionValue).as("an attempt never runs longer than its limit, whatever the deadline")
                .matches("14[0-9]{2}ms|1500ms");
    }

    @Test
    void a_transaction_bounds_its_lock_waits_and_its_idle_time() {
        var limits = database.write("show", Deadline.after(Duration.ofSeconds(5)),
                session -> session.queryOne("select current_setting('lock_timeout'), "
                                + "current_setting('idle_in_transaction_session_timeout')", SqlSession.Binder.NONE,
                        rs -> java.util.List.of(rs.getString(1), rs.getString(2))).orElseThrow());

        assertThat(limits).containsExactly("1s", "1s");
    }

    @Test
    void a_read_is_cut_off_at_the_deadline() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> database.read("sleep", Deadline.after(Duration.ofMillis(300)),
                session -> session.query("select pg_sleep(5)", SqlSession.Binder.NONE, rs -> 1)))
                .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void a_read_from_a_database_that_stopped_answering_ends_at_the_deadline() {
        database.read("warm up", Deadline.after(Duration.ofSeconds(5)),
                session -> session.query("select 1", SqlSession.Binder.NONE, rs -> 1));
        proxy.blackhole(true);

        long start = System.nanoTime();
        assertThatThrownBy(() -> database.read("select", Deadline.after(Duration.ofMillis(500)),
                session -> session.query("select 1", SqlSession.Binder.NONE, rs -> 1)))
                .isInstanceOf(DatabaseException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void refuses_to_start_work_after_the_deadline() {
        Deadline passed = Deadline.after(Duration.ZERO);

        assertThatThrownBy(() -> database.write("late", passed, session -> 1))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(DeadlineExceededException.class);
                    assertThat(e.phase()).isEqualTo(Phase.CONNECT);
                });
    }

    @Test
    void commits_a_write_and_rolls_back_a_failed_one() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(5));
        database.write("create", deadline, s -> s.update("create table t (v int)", SqlSession.Binder.NONE));
        database.write("insert", deadline, s -> s.update("insert into t values (1)", SqlSession.Binder.NONE));
        assertThatThrownBy(() -> database.write("insert then fail", deadline, s -> {
            s.update("insert into t values (2)", SqlSession.Binder.NONE);
            return s.update("insert into no_such_table values (3)", SqlSession.Binder.NONE);
        })).isInstanceOf(DatabaseException.class);

        long rows = database.read("count", deadline, s -> s.queryOne("select count(*) from t",
                SqlSession.Binder.NONE, rs -> rs.getLong(1)).orElseThrow());
        assertThat(rows).isEqualTo(1L);
    }
}
