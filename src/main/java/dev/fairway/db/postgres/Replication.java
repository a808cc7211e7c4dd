package dev.fairway.db.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the primary says about its standbys, and so whether a failover could lose bookings it
 * acknowledged.
 *
 * @param synchronousStandbyNames the primary's {@code synchronous_standby_names}: empty when no
 *                                commit waits for a standby
 * @param synchronousStandbys     standbys streaming that a commit waits for; null when this role
 *                                may not see them (it needs {@code pg_monitor})
 * @param asynchronousStandbys    standbys streaming that no commit waits for; null likewise
 */
public record Replication(String synchronousStandbyNames, Integer synchronousStandbys, Integer asynchronousStandbys) {

    /** What the primary tells of its standbys, in one statement any role may run. */
    static final String STANDBYS = """
            select current_setting('synchronous_standby_names'),
                   count(*) filter (where state = 'streaming' and sync_state in ('sync', 'quorum')),
                   count(*) filter (where state = 'streaming' and sync_state in ('async', 'potential')),
                   count(*) filter (where state is null)
            from pg_stat_replication""";

    /** Not known yet: the primary was not asked, or did not answer. */
    public static final Replication UNKNOWN = new Replication(null, null, null);

    /** Asks the server {@code connection} is on. */
    public static Replication read(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(STANDBYS)) {
            row.next();
            boolean hidden = row.getInt(4) > 0; // the role may not see the standbys' state
            return new Replication(row.getString(1), hidden ? null : row.getInt(2), hidden ? null : row.getInt(3));
        }
    }

    public boolean known() {
        return synchronousStandbyNames != null;
    }

    /**
     * Whether a commit now waits for a standby to have it. Unknown counts are taken on trust from
     * {@code synchronous_standby_names}: a commit then waits, however long, for a standby it names.
     */
    public boolean commitsWaitForAStandby() {
        return known() && !synchronousStandbyNames.isBlank() && (synchronousStandbys == null || synchronousStandbys > 0);
    }

    /** Whether the primary failing now could lose a booking already acknowledged. */
    public boolean failoverMayLoseBookings() {
        return !commitsWaitForAStandby();
    }

    /** For the readiness answer. */
    public Map<String, Object> describe(boolean standbyRequired) {
        Map<String, Object> described = new LinkedHashMap<>();
        if (!known()) {
            described.put("status", "unknown");
            return described;
        }
        described.put("mode", synchronousStandbyNames.isBlank() ? "asynchronous" : "synchronous");
        described.put("synchronousStandbyNames", synchronousStandbyNames);
        if (synchronousStandbys != null) {
            described.put("synchronousStandbys", synchronousStandbys);
            described.put("asynchronousStandbys", asynchronousStandbys);
        }
        described.put("failoverMayLoseBookings", failoverMayLoseBookings());
        described.put("synchronousStandbyRequired", standbyRequired);
        if (standbyRequired && failoverMayLoseBookings()) {
            described.put("bookings", "refused until a synchronous standby confirms commits");
        }
        return described;
    }
}
