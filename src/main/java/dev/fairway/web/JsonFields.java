package dev.fairway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed, validated reads of a JSON object's fields. Every refusal is a 400 whose detail names the
 * field by its full path ({@code weeklyHours.SATURDAY[1].lastTeeTime}) and says what to send.
 * A JSON {@code null} counts as absent.
 */
public final class JsonFields {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** Dates and instants outside these years are refused: no tee sheet needs them, and date arithmetic near the ends of time overflows. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    /** How messages say it. */
    public static final String YEARS = "in the years " + FIRST_YEAR + " to " + LAST_YEAR;

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body, which must be a JSON object. */
    public static JsonFields body(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the request body must be a JSON object");
        }
        return new JsonFields(body, "");
    }

    /** The full name of field {@code name} of this object, for messages. */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The raw value of field {@code name}, or a missing node. */
    public JsonNode node(String name) {
        return node.path(name);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String requiredString(String name, int minLength, int maxLength) {
        return optionalString(name, minLength, maxLength)
                .orElseThrow(() -> invalid(name, "is required: a string of " + minLength + " to " + maxLength + " characters"));
    }

    public Optional<String> optionalString(String name, int minLength, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(name, "must be a string of " + minLength + " to " + maxLength + " characters");
        }
        String text = value.textValue();
        int length = text.codePointCount(0, text.length());
        if (length < minLength || length > maxLength) {
            throw invalid(name, "must be " + minLength + " to " + maxLength + " characters long, not " + length);
        }
        if (!storable(text)) {
            throw invalid(name, "must not contain NUL characters or unpaired UTF-16 surrogates");
        }
        return Optional.of(text);
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return value.booleanValue();
    }

    public int requiredInt(String name, int min, int max) {
        return optionalInt(name, min, max).orElseThrow(() -> invalid(name, "is required: a whole number from "
                + min + " to " + max));
    }

    public int optionalInt(String name, int min, int max, int defaultValue) {
        return optionalInt(name, min, max).orElse(defaultValue);
    }

    public OptionalInt optionalInt(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw invalid(name, "must be a whole number from " + min + " to " + max);
        }
        return OptionalInt.of(value.intValue());
    }

    public LocalTime requiredTime(String name) {
        String text = requiredString(name, 5, 5);
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a local time HH:mm, such as 07:30");
        }
    }

    public LocalDate requiredDate(String name) {
        String text = optionalString(name, 0, 20).orElseThrow(() -> invalid(name, "is required: a date YYYY-MM-DD"));
        return date(text).orElseThrow(() -> invalid(name, "must be a date YYYY-MM-DD, such as 2026-12-24"));
    }

    public Instant requiredInstant(String name) {
        String text = optionalString(name, 0, 64).orElseThrow(() -> invalid(name,
                "is required: an ISO-8601 instant with offset, such as 2026-12-01T07:10:00-05:00"));
        return instant(text).orElseThrow(() -> invalid(name,
                "must be an ISO-8601 instant with offset " + YEARS + ", such as 2026-12-01T07:10:00-05:00"));
    }

    public BigDecimal requiredDecimalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw invalid(name, "is required: a decimal number as a string, such as \"35.00\"");
        }
        String text = value.textValue();
        if (!text.matches("[0-9]{1,9}(\\.[0-9]{1,4})?")) {
            throw invalid(name, "must be a decimal number of 0 or more as a string, such as \"35.00\"");
        }
        return new BigDecimal(text);
    }

    /** The nested object {@code name}, if present. */
    public Optional<JsonFields> optionalObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(name, "must be a JSON object");
        }
        return Optional.of(new JsonFields(value, path(name)));
    }

    /** The members of this object, in order. */
    public List<Map.Entry<String, JsonNode>> members() {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(members::add);
        return members;
    }

    /** Array {@code name} as objects; empty when absent. */
    public List<JsonFields> objectArray(String name, int maxSize) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        return objects(value, path(name), maxSize);
    }

    /** Array {@code name} as strings; empty when absent. */
    public Optional<List<String>> stringArray(String name, int maxSize) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() > maxSize) {
            throw invalid(name, "must be an array of at most " + maxSize + " strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InvalidRequestException(path(name), path(name) + "[" + i + "] must be a string");
            }
            strings.add(value.get(i).textValue());
        }
        return Optional.of(strings);
    }

    /** The elements of an array member (found through {@link #members()}), which must be objects. */
    public static List<JsonFields> objects(JsonNode array, String path, int maxSize) {
        if (!array.isArray()) {
            throw new InvalidRequestException(path, path + " must be an array");
        }
        if (array.size() > maxSize) {
            throw new InvalidRequestException(path, path + " must have at most " + maxSize + " entries");
        }
        List<JsonFields> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String elementPath = path + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw new InvalidRequestException(elementPath, elementPath + " must be a JSON object");
            }
            elements.add(new JsonFields(array.get(i), elementPath));
        }
        return elements;
    }

    public InvalidRequestException invalid(String name, String problem) {
        return new InvalidRequestException(path(name), path(name) + " " + problem);
    }

    /** Parses a local date YYYY-MM-DD strictly (no 2026-02-30), {@link #YEARS}. */
    public static Optional<LocalDate> date(String text) {
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            return inRange(date.getYear()) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses an ISO-8601 date-time with an offset (Z or ±hh:mm), {@link #YEARS}. */
    public static Optional<Instant> instant(String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return inRange(time.getYear()) ? Optional.of(time.toInstant()) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /**
     * Whether PostgreSQL can store the text as it is: UTF-8 has no NUL in text columns (22021) and
     * no encoding for a lone surrogate (pgjdbc would store "?").
     */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
