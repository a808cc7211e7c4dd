package dev.fairway.db;

import java.sql.SQLTimeoutException;

/** The request's deadline passed before (or while) the database could answer. */
public final class DeadlineExceededException extends SQLTimeoutException {

    public DeadlineExceededException(String operation) {
        super("the request deadline passed before " + operation + " finished");
    }
}
