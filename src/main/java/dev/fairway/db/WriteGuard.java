package dev.fairway.db;

/** Whether writes may be tried now, told when a connection was lost (a failover may have happened). */
public interface WriteGuard {

    /** Lets every write through. */
    WriteGuard NONE = new WriteGuard() {
        @Override
        public boolean refusesWrites() {
            return false;
        }

        @Override
        public void connectionLost() {
        }
    };

    /** Whether writes must not even be tried now. */
    boolean refusesWrites();

    /** A connection was lost: what was known about the server may no longer hold. */
    void connectionLost();
}
