package dev.fairway.teesheet;

/** What a golfer can do with a tee time, decided in this order of precedence. */
public enum TeeTimeStatus {
    /** Inside a block. */
    BLOCKED("blocked"),
    /** Too soon (before now plus the minimum notice), not yet released to the class, or fewer players than it takes. */
    UNAVAILABLE("unavailable"),
    /** Fewer spots left than the players asking. */
    FULL("full"),
    OPEN("open");

    private final String json;

    TeeTimeStatus(String json) {
        this.json = json;
    }

    /** The contract's lowercase name. */
    public String json() {
        return json;
    }
}
