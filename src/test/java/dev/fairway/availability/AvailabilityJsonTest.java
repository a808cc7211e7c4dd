package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.teesheet.BookedCounts;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.CourseRules;
import dev.fairway.teesheet.DaySheet;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TeeSheet;
import dev.fairway.teesheet.TimeRange;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailabilityJsonTest {

    @Test
    void writes_valid_json_with_user_text_escaped_and_instants_as_the_course_clock_shows_them() throws IOException {
        String awkward = "Tw\"il\\ight \u2600 \u0001 </script>";
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new TimeRange(LocalTime.of(0, 30), LocalTime.of(2, 0))));
        }
        CourseRules rules = new CourseRules(ZoneId.of("Pacific/Chatham"), 15, 4, 14, 0, 0, Currency.getInstance("NZD"),
                week, Map.of(), List.of(new Rate(awkward, Set.of(), LocalTime.of(1, 0), LocalTime.of(23, 0),
                        new BigDecimal("12.50"))));
        LocalDate day = LocalDate.parse("2027-04-04");
        Instant now = Instant.parse("2027-04-01T00:00:00Z");
        List<DaySheet> days = new TeeSheet(rules, now).days(day, day.plusDays(1), 1, BookedCounts.NONE, List.of());
        Availability availability = new Availability(new Course("chatham", "Chatham", rules), day, day.plusDays(1), 1,
                false, now, days, "public");

        JsonNode json = Json.mapper().readTree(AvailabilityJson.write(availability).toByteArray());

        assertThat(json.path("currency").asText()).isEqualTo("NZD");
        assertThat(json.path("days")).hasSize(2);
        JsonNode teeTimes = json.path("days").get(0).path("teeTimes");
        assertThat(teeTimes).hasSize(days.get(0).teeTimes().size());
        for (int i = 0; i < teeTimes.size(); i++) {
            assertThat(teeTimes.get(i).path("start").asText()).isEqualTo(Instants.format(days.get(0).teeTimes().get(i).teeTime()));
        }
        assertThat(teeTimes.get(0).path("rate").isNull()).isTrue();
        assertThat(teeTimes.get(2).path("rate").path("name").asText()).isEqualTo(awkward);
        assertThat(teeTimes.get(2).path("rate").path("pricePerPlayer").asText()).isEqualTo("12.50");
    }
}
