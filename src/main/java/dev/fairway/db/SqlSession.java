package dev.fairway.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** What a unit of work sees of its connection: statements, bound and mapped, under the request's deadline. */
public interface SqlSession {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        Binder NONE = params -> { };

        void bind(Params params) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) throws SQLException;

    default <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        List<T> rows = query(sql, binder, mapper);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size() + " from: " + sql);
        }
        return rows.stream().findFirst();
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    int update(String sql, Binder binder) throws SQLException;

    /**
     * Which run of the unit of work this is, from 1. A retry (2 or more) may follow a run whose
     * COMMIT may have happened, and must look for what that run did.
     */
    int attempt();
}
