package dev.fairway.courses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.teesheet.DateOverride;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TimeRange;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A course's weekly hours, date overrides and rates as JSON documents, in the contract's shape:
 * how the API shows them and how the {@code course} table's jsonb columns keep them. Reading is
 * not validating: what is read was written here, from rules the API checked on the way in.
 */
final class CourseDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Configured once, never changed: shared by every thread, as Jackson intends. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CourseDocuments() {
    }

    static ObjectNode weeklyHours(Map<DayOfWeek, List<TimeRange>> weeklyHours) {
        ObjectNode week = NODES.objectNode();
        weeklyHours.forEach((day, ranges) -> week.set(day.name(), ranges(ranges)));
        return week;
    }

    static ArrayNode dateOverrides(Map<LocalDate, DateOverride> overrides) {
        ArrayNode array = NODES.arrayNode();
        for (DateOverride override : overrides.values()) {
            ObjectNode json = array.addObject();
            json.put("date", override.date().toString());
            json.set("hours", ranges(override.hours()));
            override.teeTimeIntervalMinutes().ifPresent(i -> json.put("teeTimeIntervalMinutes", i));
        }
        return array;
    }

    static ArrayNode rates(List<Rate> rates) {
        ArrayNode array = NODES.arrayNode();
        for (Rate rate : rates) {
            ObjectNode json = array.addObject();
            json.put("name", rate.name());
            if (!rate.everyDay()) {
                ArrayNode days = json.putArray("days");
                EnumSet.copyOf(rate.days()).forEach(d -> days.add(d.name()));
            }
            json.put("from", rate.from().toString());
            json.put("until", rate.until().toString());
            json.put("pricePerPlayer", rate.pricePerPlayer().toPlainString());
            rate.holes().ifPresent(holes -> json.put("holes", holes));
            if (!rate.classes().isEmpty()) {
                ArrayNode classes = json.putArray("classes");
                rate.classes().stream().sorted().forEach(classes::add);
            }
        }
        return array;
    }

    static Map<DayOfWeek, List<TimeRange>> readWeeklyHours(String json) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        tree(json).fields().forEachRemaining(day -> week.put(DayOfWeek.valueOf(day.getKey()), readRanges(day.getValue())));
        return week;
    }

    static Map<LocalDate, DateOverride> readDateOverrides(String json) {
        Map<LocalDate, DateOverride> overrides = new LinkedHashMap<>();
        for (JsonNode override : tree(json)) {
            LocalDate date = LocalDate.parse(override.path("date").asText());
            JsonNode interval = override.path("teeTimeIntervalMinutes");
            overrides.put(date, new DateOverride(date, readRanges(override.path("hours")),
                    interval.isInt() ? OptionalInt.of(interval.intValue()) : OptionalInt.empty()));
        }
        return overrides;
    }

    static List<Rate> readRates(String json) {
        List<Rate> rates = new ArrayList<>();
        for (JsonNode rate : tree(json)) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            rate.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.asText())));
            Set<String> classes = new java.util.HashSet<>();
            rate.path("classes").forEach(c -> classes.add(c.asText()));
            rates.add(new Rate(rate.path("name").asText(), days, LocalTime.parse(rate.path("from").asText()),
                    LocalTime.parse(rate.path("until").asText()), new BigDecimal(rate.path("pricePerPlayer").asText()),
                    rate.path("holes").isInt() ? java.util.Optional.of(rate.path("holes").intValue()) : java.util.Optional.empty(),
                    classes));
        }
        return rates;
    }

    static dev.fairway.teesheet.Layout readLayout(String json) {
        return LayoutJson.readStored(tree(json));
    }

    static dev.fairway.teesheet.BookingPolicy readPolicy(String json) {
        return BookingPolicyJson.readStored(tree(json));
    }

    private static ArrayNode ranges(List<TimeRange> ranges) {
        ArrayNode array = NODES.arrayNode();
        for (TimeRange range : ranges) {
            array.addObject().put("firstTeeTime", range.firstTeeTime().toString())
                    .put("lastTeeTime", range.lastTeeTime().toString());
        }
        return array;
    }

    private static List<TimeRange> readRanges(JsonNode array) {
        List<TimeRange> ranges = new ArrayList<>();
        for (JsonNode range : array) {
            ranges.add(new TimeRange(LocalTime.parse(range.path("firstTeeTime").asText()),
                    LocalTime.parse(range.path("lastTeeTime").asText())));
        }
        return ranges;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored course document is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
