package dev.fairway.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 7396 JSON merge patch: a member of the patch replaces the target's, {@code null} removes it,
 * an object is merged member by member, anything else (arrays included) replaces the value whole.
 * Written by hand: the algorithm is the RFC's dozen lines, and the libraries that offer it bring a
 * JSON model of their own.
 */
final class MergePatch {

    private MergePatch() {
    }

    /** {@code target} with {@code patch} applied; neither is changed. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = patch.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
