package org.gpconnect.store;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a document's first bytes must be for its content type: the formats DocumentContent writes. */
public final class DocumentFormats {
    private DocumentFormats() {}

    /** Every signature a file of that content type may start with (TIFF has one per byte order). */
    static List<byte[]> signatures(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> List.of(ascii("%PDF"));
            case "application/rtf" -> List.of(ascii("{\\rtf"));
            case "image/tiff" -> List.of(new byte[] {'I', 'I', '*', 0}, new byte[] {'M', 'M', 0, '*'});
            case "image/jpeg" -> List.of(new byte[] {(byte) 0xFF, (byte) 0xD8});
            case "image/png" -> List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            default -> throw new AssertionError("no known signature for " + contentType);
        };
    }

    /** Asserts that {@code content} starts with a signature of {@code contentType}. */
    public static void assertStartsAsItsType(String what, String contentType, byte[] content) {
        assertThat(signatures(contentType))
                .as("%s (%s) starts with %s", what, contentType,
                        HexFormat.of().formatHex(Arrays.copyOf(content, Math.min(8, content.length))))
                .anyMatch(signature -> content.length >= signature.length
                        && Arrays.equals(Arrays.copyOf(content, signature.length), signature));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
