package dev.fairway.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The parameters of one statement, numbered from 1 as the statement's own SQL numbers them
 * (settings sent in front of it take the first places, and are skipped here).
 */
public final class Params {

    private final PreparedStatement statement;
    private final int offset;

    Params(PreparedStatement statement, int offset) {
        this.statement = statement;
        this.offset = offset;
    }

    public Params setString(int index, String value) throws SQLException {
        statement.setString(offset + index, value);
        return this;
    }

    public Params setInt(int index, int value) throws SQLException {
        statement.setInt(offset + index, value);
        return this;
    }

    public Params setLong(int index, long value) throws SQLException {
        statement.setLong(offset + index, value);
        return this;
    }

    /** A java.time value PostgreSQL's driver maps itself ({@code LocalDate}, {@code LocalTime}). */
    public Params setObject(int index, Object value) throws SQLException {
        statement.setObject(offset + index, value);
        return this;
    }

    /** A decimal, or SQL null. */
    public Params setBigDecimal(int index, java.math.BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(offset + index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(offset + index, value);
        }
        return this;
    }

    public Params setBytes(int index, byte[] value) throws SQLException {
        statement.setBytes(offset + index, value);
        return this;
    }

    /** An instant as {@code timestamptz}, whatever the JVM's and the session's time zone. */
    public Params setInstant(int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(offset + index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(offset + index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
        return this;
    }
}
