package org.gpconnect.store;

/** A database failure: the provider answers it as INTERNAL_SERVER_ERROR. */
public class StoreException extends RuntimeException {
    public StoreException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
