package org.gpconnect.bench;

import java.io.IOException;

/**
 * What a {@link ClientLoop} sends with: one per client thread. {@link #prepare} is consumer work
 * and runs before the clock starts; {@link #send} is timed, from the first byte written to the
 * last byte of the body read.
 */
interface LoadClient extends AutoCloseable {

    /** Builds the next request (fresh trace id, current token) for {@code targets[target]}. */
    void prepare(int target);

    /** Sends the prepared request and reads the whole answer; returns its status. */
    int send() throws IOException, InterruptedException;

    /** Body length of the last answer. */
    long bodyBytes();

    /** TCP connections opened so far, or -1 when the client does not say. */
    long connectionsOpened();

    @Override
    void close();
}
