package org.gpconnect.provider.viewer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The admin pages show whole care records without a JWT, consent or audit, so they answer only a
 * browser on the provider's own machine: a loopback remote address (127.0.0.0/8, ::1).
 */
final class LocalOnly {
    // only IP literals are parsed: a host name here would cost a DNS lookup and proves nothing
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.%]*:[0-9A-Fa-f:.%]*");

    private LocalOnly() {
    }

    static boolean admits(String remoteAddress) {
        if (remoteAddress == null || !IP_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
