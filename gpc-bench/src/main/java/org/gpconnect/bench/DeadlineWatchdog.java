package org.gpconnect.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the request timeout of {@link RawHttpConnection}s, whose sockets stay in blocking
 * mode (one system call per read) and so cannot time out by themselves: one daemon thread looks
 * at every connection each {@link #TICK_MILLIS} and closes the socket of a request past its
 * deadline, which makes the blocked read fail at once. A timeout therefore fires up to one tick
 * late; against timeouts of seconds that is noise.
 */
final class DeadlineWatchdog {
    static final long TICK_MILLIS = 20;
    static final DeadlineWatchdog SHARED = new DeadlineWatchdog();

    private final Set<RawHttpConnection> connections = ConcurrentHashMap.newKeySet();
    private Thread thread;

    synchronized void add(RawHttpConnection connection) {
        connections.add(connection);
        if (thread == null) {
            thread = new Thread(this::watch, "gpc-bench-deadlines");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void remove(RawHttpConnection connection) {
        connections.remove(connection);
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (RawHttpConnection c : connections) {
                c.expireIfLate(now);
            }
        }
    }
}
