package org.gpconnect.store;

/** Another writer changed the resource first; nothing was written. */
public class VersionConflictException extends RuntimeException {
    public VersionConflictException(String resource) {
        super(resource + " was changed by another request");
    }
}
