package dev.fairway.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Typed reads of a request's query parameters; a value that cannot be used is a 400 naming the
 * parameter and what to send. An empty value counts as absent.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A local date YYYY-MM-DD, if given. */
    public static Optional<LocalDate> date(Context ctx, String name) {
        return text(ctx, name).map(text -> JsonFields.date(text).orElseThrow(() -> new InvalidRequestException(name,
                name + " must be a date YYYY-MM-DD " + JsonFields.YEARS + ", such as 2026-12-01")));
    }

    /** A local date YYYY-MM-DD, which must be given. */
    public static LocalDate requiredDate(Context ctx, String name) {
        return date(ctx, name).orElseThrow(() -> new InvalidRequestException(name,
                name + " is required: a date YYYY-MM-DD, such as 2026-12-01"));
    }

    /** A bound in time, if given: a local date (its first instant in {@code zone}) or an instant with offset. */
    public static Optional<Instant> dateOrInstant(Context ctx, String name, ZoneId zone) {
        return text(ctx, name).map(text -> JsonFields.date(text).map(date -> date.atStartOfDay(zone).toInstant())
                .or(() -> JsonFields.instant(text))
                .orElseThrow(() -> new InvalidRequestException(name, name + " must be a date YYYY-MM-DD or an instant "
                        + "such as 2026-12-01T07:00:00-05:00, " + JsonFields.YEARS)));
    }

    /** Whether the parameter was sent with a value. */
    public static boolean given(Context ctx, String name) {
        return text(ctx, name).isPresent();
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(text -> !text.isEmpty());
    }
}
