package dev.fairway.availability;

import dev.fairway.teesheet.DaySheet;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeSlot;
import dev.fairway.teesheet.TeeTimeStatus;
import dev.fairway.web.Instants;
import dev.fairway.web.JsonBytes;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes an availability answer as the contract's JSON, by hand into one buffer: a 31-day answer
 * holds thousands of tee times, and a general serializer spent most of its time re-encoding the
 * same few strings (see BENCHMARKS.md). Every text that comes from a user goes through Jackson's
 * escaping; the rest is ASCII known at compile time.
 */
public final class AvailabilityJson {

    /** Bytes of one tee time, a little over the usual, so the buffer rarely grows; and of a turn. */
    private static final int BYTES_PER_TEE_TIME = 190;
    private static final int BYTES_PER_TURN = 72;
    private static final Map<TeeTimeStatus, byte[]> STATUSES = new EnumMap<>(TeeTimeStatus.class);
    private static final byte[] NULL = JsonBytes.utf8("null");

    static {
        for (TeeTimeStatus status : TeeTimeStatus.values()) {
            STATUSES.put(status, JsonBytes.quoted(status.json()));
        }
    }

    private AvailabilityJson() {
    }

    public static JsonBytes write(Availability availability) {
        int teeTimes = 0;
        for (DaySheet day : availability.days()) {
            teeTimes += day.teeTimes().size();
        }
        boolean turns = availability.course().rules().layout().tees().stream().anyMatch(t -> t.turnsTo().isPresent());
        JsonBytes json = new JsonBytes(512 + availability.days().size() * 40
                + teeTimes * (BYTES_PER_TEE_TIME + (turns ? BYTES_PER_TURN : 0)));
        // Each tee's name, quoted once.
        Map<String, byte[]> tees = new java.util.HashMap<>();
        availability.course().rules().layout().tees().forEach(t -> tees.put(t.name(), JsonBytes.quoted(t.name())));
        json.ascii("{\"courseId\":").string(availability.course().id())
                .ascii(",\"timeZone\":").string(availability.course().rules().zone().getId())
                .ascii(",\"currency\":").string(availability.course().rules().currency().getCurrencyCode())
                .ascii(",\"from\":\"").ascii(availability.from().toString())
                .ascii("\",\"to\":\"").ascii(availability.to().toString())
                .ascii("\",\"players\":").number(availability.players())
                .ascii(",\"bookingClass\":").string(availability.bookingClass())
                .ascii(",\"stale\":").ascii(Boolean.toString(availability.stale()))
                .ascii(",\"asOf\":\"").ascii(Instants.format(availability.asOf(), availability.course().rules().zone()))
                .ascii("\",\"days\":[");
        Map<Rate, byte[]> rates = new IdentityHashMap<>();
        // minPlayers appears only for a course with minPlayers rules: an old course's tee times read as
        // before. releasesAt is on tee times not yet released only, which Part 1 showed as unavailable.
        boolean showMinPlayers = !availability.course().rules().policy().minPlayers().isEmpty();
        boolean firstDay = true;
        for (DaySheet day : availability.days()) {
            json.ascii(firstDay ? "{\"date\":\"" : ",{\"date\":\"").ascii(day.date().toString()).ascii("\",\"teeTimes\":[");
            firstDay = false;
            boolean firstTeeTime = true;
            // Every tee time of a day opens at one instant: written once per day.
            byte[] releasesAt = null;
            for (TeeTimeSlot slot : day.teeTimes()) {
                json.ascii(firstTeeTime ? "{\"start\":\"" : ",{\"start\":\"");
                firstTeeTime = false;
                appendStart(json, slot.teeTime());
                json.ascii("\",\"booked\":").number(slot.booked())
                        .ascii(",\"available\":").number(slot.available())
                        .ascii(",\"status\":").raw(STATUSES.get(slot.status()))
                        .ascii(",\"rate\":")
                        .raw(slot.rate() == null ? NULL : rates.computeIfAbsent(slot.rate(), AvailabilityJson::rate));
                if (showMinPlayers) {
                    json.ascii(",\"minPlayers\":").number(slot.minPlayers());
                }
                if (slot.releasesAt() != null) {
                    if (releasesAt == null) {
                        releasesAt = JsonBytes.quoted(Instants.format(slot.releasesAt(), availability.course().rules().zone()));
                    }
                    json.ascii(",\"releasesAt\":").raw(releasesAt);
                }
                // Part 3's fields: added to every tee time, the turn to a round that takes one.
                json.ascii(",\"tee\":").raw(tees.get(slot.tee())).ascii(",\"holes\":").number(slot.holes());
                json.ascii(",\"held\":").number(slot.held());
                if (slot.turn() != null) {
                    json.ascii(",\"turn\":{\"tee\":").raw(tees.get(slot.turn().tee())).ascii(",\"start\":\"");
                    appendStart(json, slot.turn().teeTime());
                    json.ascii("\",\"available\":").number(slot.turnAvailable()).ascii("}");
                }
                json.ascii("}");
            }
            json.ascii("]}");
        }
        return json.ascii("]}");
    }

    /** {@code 2026-12-01T07:10:00-05:00}: the instant as the course's clock showed it (as {@code Instants.format}). */
    private static void appendStart(JsonBytes json, TeeTime teeTime) {
        int seconds = teeTime.time().toSecondOfDay();
        json.digits(teeTime.date().getYear(), 4).ascii('-')
                .digits(teeTime.date().getMonthValue(), 2).ascii('-')
                .digits(teeTime.date().getDayOfMonth(), 2).ascii('T')
                .digits(seconds / 3600, 2).ascii(':')
                .digits(seconds / 60 % 60, 2).ascii(':')
                .digits(seconds % 60, 2)
                .ascii(teeTime.offset().getId());
    }

    private static byte[] rate(Rate rate) {
        JsonBytes json = new JsonBytes(64);
        json.ascii("{\"name\":").string(rate.name())
                .ascii(",\"pricePerPlayer\":\"").ascii(rate.pricePerPlayer().toPlainString()).ascii("\"}");
        return json.toByteArray();
    }
}
