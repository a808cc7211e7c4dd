package dev.fairway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param type   {@code https://fairway.dev/problems/<slug>}; the slug is part of the contract
 * @param title  a short summary that is the same for every problem of this type
 * @param status the HTTP status
 * @param detail what went wrong this time and what to change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String TYPE_PREFIX = "https://fairway.dev/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail);
    }

    /**
     * Its members in the contract's order, in a map a caller may add members to (a problem that
     * says more, such as {@code releasesAt} or {@code until}).
     */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
        return members;
    }

    public String slug() {
        return type.substring(TYPE_PREFIX.length());
    }
}
