package dev.fairway.availability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.fairway.teesheet.DaySheet;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TeeTimeSlot;
import dev.fairway.teesheet.TeeTimeStatus;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an availability answer as the contract's JSON, streaming: a 31-day answer holds
 * thousands of tee times, and an object tree of them would be built only to be thrown away.
 */
public final class AvailabilityJson {

    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString BOOKED = new SerializedString("booked");
    private static final SerializedString AVAILABLE = new SerializedString("available");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString RATE = new SerializedString("rate");
    private static final Map<TeeTimeStatus, SerializedString> STATUSES = new EnumMap<>(TeeTimeStatus.class);
    /** Bytes per tee time, about: sizes the buffer so it rarely grows. */
    private static final int BYTES_PER_TEE_TIME = 130;

    static {
        for (TeeTimeStatus status : TeeTimeStatus.values()) {
            STATUSES.put(status, new SerializedString(status.json()));
        }
    }

    private AvailabilityJson() {
    }

    public static byte[] write(Availability availability) {
        int teeTimes = availability.days().stream().mapToInt(d -> d.teeTimes().size()).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + teeTimes * BYTES_PER_TEE_TIME);
        Map<Rate, String> rates = new IdentityHashMap<>();
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("courseId", availability.course().id());
            json.writeStringField("timeZone", availability.course().rules().zone().getId());
            json.writeStringField("currency", availability.course().rules().currency().getCurrencyCode());
            json.writeStringField("from", availability.from().toString());
            json.writeStringField("to", availability.to().toString());
            json.writeNumberField("players", availability.players());
            json.writeBooleanField("stale", availability.stale());
            json.writeStringField("asOf", availability.asOf().toString());
            json.writeArrayFieldStart("days");
            for (DaySheet day : availability.days()) {
                json.writeStartObject();
                json.writeStringField("date", day.date().toString());
                json.writeArrayFieldStart("teeTimes");
                for (TeeTimeSlot slot : day.teeTimes()) {
                    json.writeStartObject();
                    json.writeFieldName(START);
                    json.writeString(Instants.format(slot.teeTime()));
                    json.writeFieldName(BOOKED);
                    json.writeNumber(slot.booked());
                    json.writeFieldName(AVAILABLE);
                    json.writeNumber(slot.available());
                    json.writeFieldName(STATUS);
                    json.writeString(STATUSES.get(slot.status()));
                    json.writeFieldName(RATE);
                    if (slot.rate() == null) {
                        json.writeNull();
                    } else {
                        json.writeRawValue(rates.computeIfAbsent(slot.rate(), AvailabilityJson::rateJson));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String rateJson(Rate rate) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("name", rate.name());
        json.put("pricePerPlayer", rate.pricePerPlayer().toPlainString());
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
