package org.gpconnect.provider.app;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.OptionalInt;

/**
 * Sends one hand-made TLS ClientHello and reads what the server picks. The JDK's own client
 * cannot be used to test refusals of TLS 1.1 or NULL-MD5: it has them disabled and fails before
 * sending anything, which would prove nothing about the server. Raw bytes reach the server whatever
 * the client JDK allows.
 */
final class ClientHelloProbe {
    static final int TLS_1_1 = 0x0302;
    static final int TLS_1_2 = 0x0303;

    private ClientHelloProbe() {
    }

    /** The cipher suite of the server's ServerHello, or empty when it answers with an alert or closes. */
    static OptionalInt negotiate(int port, int version, List<Integer> cipherSuites) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(clientHello(version, cipherSuites));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            in.readUnsignedShort(); // record version
            in.readUnsignedShort(); // record length
            if (contentType != 22) {
                return OptionalInt.empty(); // 21 = alert (handshake_failure, protocol_version)
            }
            int handshakeType = in.readUnsignedByte();
            if (handshakeType != 2) {
                throw new AssertionError("expected a ServerHello, got handshake type " + handshakeType);
            }
            in.skipNBytes(3 + 2 + 32); // length, server version, random
            in.skipNBytes(in.readUnsignedByte()); // session id
            return OptionalInt.of(in.readUnsignedShort());
        } catch (EOFException | SocketException e) {
            return OptionalInt.empty(); // closed without an answer: refused as well
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] clientHello(int version, List<Integer> cipherSuites) {
        Bytes body = new Bytes();
        body.u16(version);
        body.raw(new byte[32]); // random: the handshake is never completed
        body.u8(0); // no session id
        body.u16(cipherSuites.size() * 2);
        cipherSuites.forEach(body::u16);
        body.u8(1).u8(0); // compression: null only

        Bytes extensions = new Bytes();
        // supported_groups: x25519, secp256r1, secp384r1 for ECDHE; ffdhe2048 for DHE
        extensions.u16(0x000a).u16(10).u16(8).u16(0x001d).u16(0x0017).u16(0x0018).u16(0x0100);
        extensions.u16(0x000b).u16(2).u8(1).u8(0); // ec_point_formats: uncompressed
        // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256, rsa_pkcs1_sha384
        extensions.u16(0x000d).u16(8).u16(6).u16(0x0804).u16(0x0401).u16(0x0501);
        extensions.u16(0xff01).u16(1).u8(0); // renegotiation_info, empty: a first handshake
        body.u16(extensions.size()).raw(extensions.toByteArray());

        Bytes handshake = new Bytes();
        handshake.u8(1).u24(body.size()).raw(body.toByteArray()); // ClientHello
        Bytes record = new Bytes();
        record.u8(22).u16(0x0301).u16(handshake.size()).raw(handshake.toByteArray());
        return record.toByteArray();
    }

    private static final class Bytes extends ByteArrayOutputStream {
        Bytes u8(int value) { write(value); return this; }
        Bytes u16(int value) { return u8(value >> 8).u8(value & 0xff); }
        Bytes u24(int value) { return u8(value >> 16).u16(value & 0xffff); }
        Bytes raw(byte[] bytes) { writeBytes(bytes); return this; }
    }
}
