package org.gpconnect.provider.viewer;

import org.gpconnect.provider.html.RecordSection;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer over HTTP: its pages, its refusals, and that it lives outside the Spine gateway. */
class CareRecordPageHttpTest extends ApiTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Test
    void patientPageIsWellFormedWithTheBannerAndOneH1PerSectionInOrder() throws Exception {
        HttpResponse<String> response = get(CareRecordPage.PATH + "/2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = parse(response.body());
        List<String> headings = new ArrayList<>();
        NodeList h1 = page.getElementsByTagNameNS("*", "h1");
        for (int i = 0; i < h1.getLength(); i++) {
            headings.add(h1.item(i).getTextContent().strip());
        }
        assertThat(headings).containsExactlyElementsOf(CareRecordPage.VIEWED.stream().map(RecordSection::heading).toList());
        assertThat(response.body()).contains("ELLISON, Margaret Anne (Mrs)", "02-Sep-1948", "969 093 7286", "Female",
                "Hollin Bridge Surgery (B82617)", "<style>");
    }

    @Test
    void answersWithoutSpineHeadersBecauseTheGatewayLetsAdminThrough() throws Exception {
        HttpResponse<String> response = get(CareRecordPage.PATH + "/B82617/2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("OperationOutcome");
    }

    @Test
    void indexListsThePracticesPatientsWithLinks() throws Exception {
        HttpResponse<String> response = get(CareRecordPage.PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        parse(response.body());
        assertThat(response.body()).contains("<a href=\"/_admin/care-record/2\">ELLISON, Margaret Anne (Mrs)</a>",
                "Hollin Bridge Surgery (B82617)");
    }

    @Test
    void unknownPatientIsANotFoundPage() throws Exception {
        for (String path : List.of("/99999", "/B82617/99999", "/X00000/2")) {
            HttpResponse<String> response = get(CareRecordPage.PATH + path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(response.body()).contains("<h1>Patient not found</h1>");
            parse(response.body());
        }
    }

    @Test
    void timePeriodComesFromFromAndTo() throws Exception {
        HttpResponse<String> response = get(CareRecordPage.PATH + "/2?from=2018-05-23&to=2018-05-27");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("name=\"from\" value=\"2018-05-23\"", "name=\"to\" value=\"2018-05-27\"");
        assertThat(CareRecordViewer.period("2018-05-23", null))
                .isEqualTo(new org.gpconnect.provider.html.TimePeriod(java.time.LocalDate.of(2018, 5, 23), null));
        assertThat(CareRecordViewer.period(null, "")).isNull();
    }

    @Test
    void aDateThatIsNotOneIsABadRequest() throws Exception {
        HttpResponse<String> response = get(CareRecordPage.PATH + "/2?from=23-05-2018");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("23-05-2018");
    }

    @Test
    void aCallerNotOnThisMachineIsRefused() {
        CareRecordViewer viewer = server.bean(CareRecordViewer.class);
        MockHttpServletRequest remote = new MockHttpServletRequest("GET", CareRecordPage.PATH + "/2");
        remote.setRemoteAddr("10.20.30.40");

        for (ResponseEntity<String> response : List.of(viewer.index(remote), viewer.patient("2", null, null, remote),
                viewer.patientAt("B82617", "2", null, null, remote))) {
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(response.getHeaders().getContentType()).hasToString("text/plain;charset=UTF-8");
            assertThat(response.getBody()).doesNotContain("ELLISON");
        }
    }

    @Test
    void onlyLoopbackAddressesAreLocal() {
        assertThat(List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1")).allMatch(LocalOnly::admits);
        assertThat(List.of("10.0.0.5", "192.168.1.10", "172.17.0.1", "::ffff:10.0.0.5", "fe80::1", "0.0.0.0",
                "localhost", "example.org", "")).noneMatch(LocalOnly::admits);
        assertThat(LocalOnly.admits(null)).isFalse();
    }

    @Test
    void overTheNetworkTheViewerIsRefused() throws Exception {
        // where the machine has a non-loopback address, connect through it for real
        Optional<InetAddress> own = ownNetworkAddress();
        if (own.isEmpty()) {
            return; // aCallerNotOnThisMachineIsRefused covers the rule itself
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://"
                + own.get().getHostAddress() + ":" + server.port() + CareRecordPage.PATH + "/2")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("ELLISON");
    }

    @Test
    void aPathThatLeavesAdminStillMeetsTheGateway() throws IOException {
        // raw, so nothing normalises the dot segments before the server sees them
        String answer = rawGet("/_admin/../_gpc-internal/gpconnect/metadata");

        assertThat(answer).startsWith("HTTP/1.1 404").contains("OperationOutcome");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<InetAddress> ownNetworkAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Parsed as XML: the page is XHTML syntax, so anything unescaped or unclosed fails here. */
    private static Document parse(String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }
}
