package org.gpconnect.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transfer client decodes a streamed Binary's content whatever sizes its reads come in. */
class TransferCommandTest {

    /** Hands out at most a few bytes per read, as a socket may. */
    static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + (pos % 7)));
            }
        };
    }

    @Test
    void decodesAndDigestsTheContentOfAStreamedBinary() throws Exception {
        for (int size : new int[] {0, 1, 2, 3, 4, 1000, 3 * 1024 * 1024 + 1}) {
            byte[] content = new byte[size];
            new Random(size).nextBytes(content);
            String json = "{\"resourceType\":\"Binary\",\"id\":\"d\",\"meta\":{\"versionId\":\"1\"},\"contentType\":\"application/pdf\","
                    + "\"content\":\"" + Base64.getEncoder().encodeToString(content) + "\"}";
            for (InputStream in : new InputStream[] {new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)),
                    trickling(json.getBytes(StandardCharsets.US_ASCII))}) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                assertThat(TransferCommand.BinaryContent.decode(in, digest)).isEqualTo(size);
                assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
            }
        }
    }

    @Test
    void aTruncatedAnswerIsAnError() {
        byte[] cut = "{\"resourceType\":\"Binary\",\"content\":\"QUJD".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> TransferCommand.BinaryContent.decode(new ByteArrayInputStream(cut), MessageDigest.getInstance("SHA-256")))
                .hasMessageContaining("ended");
    }
}
