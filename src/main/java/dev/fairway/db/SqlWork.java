package dev.fairway.db;

import java.sql.SQLException;

/**
 * A unit of work: everything one database round of a request does. A write runs in one
 * transaction. The runner may run it again after a failure, so it must be idempotent: a second
 * run must find what a first, possibly committed, run did, and not do it again.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(SqlSession session) throws SQLException;
}
