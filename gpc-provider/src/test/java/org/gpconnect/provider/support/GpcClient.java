package org.gpconnect.provider.support;

import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.jwt.ConsumerJwt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A consumer as the tests need one: every request carries the Spine headers and a fresh JWT, and
 * any of them can be changed or left out to test a rejection.
 */
public final class GpcClient {
    public static final String PROVIDER_ASID = "918999198738";
    public static final String CONSUMER_ASID = "200000000359";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ProviderServer server;
    private final HttpClient http;

    public GpcClient(ProviderServer server) {
        this(server, HTTP);
    }

    /** A consumer with its own HTTP client, e.g. one holding a TLS client certificate. */
    public GpcClient(ProviderServer server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    public Request request(String method, String path, String interactionId, String scope) {
        return new Request(method, path, interactionId, scope);
    }

    public Request get(String path, String interactionId, String scope) {
        return request("GET", path, interactionId, scope);
    }

    /**
     * A request to the 0.x (Access Record: HTML 0.7.4) root: a 0.x token ({@link ConsumerJwt#dstu2()}, whose
     * requested record is an organisation until a test names a patient with {@code jwt(j -> j.requestedPatient(..))})
     * and {@code Accept: application/json+fhir}.
     */
    public Request html(String method, String path, String interactionId, String scope) {
        Request request = new Request(method, path, interactionId, scope, true);
        request.headers.put("Accept", FhirRelease.DSTU2.jsonMediaType());
        return request;
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private UnaryOperator<ConsumerJwt> jwt = UnaryOperator.identity();
        private final String scope;
        private String host = "127.0.0.1";
        private final boolean dstu2;

        private Request(String method, String path, String interactionId, String scope) {
            this(method, path, interactionId, scope, false);
        }

        private Request(String method, String path, String interactionId, String scope, boolean dstu2) {
            this.dstu2 = dstu2;
            this.method = method;
            this.path = path;
            this.scope = scope;
            headers.put("Ssp-TraceID", UUID.randomUUID().toString());
            headers.put("Ssp-From", CONSUMER_ASID);
            headers.put("Ssp-To", PROVIDER_ASID);
            headers.put("Ssp-InteractionID", interactionId);
            headers.put("Accept", "application/fhir+json");
        }

        /** Sets a header; null leaves it out. */
        public Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Request jwt(UnaryOperator<ConsumerJwt> change) {
            this.jwt = change;
            return this;
        }

        public Request body(String contentType, String content) {
            headers.put("Content-Type", contentType);
            this.body = content;
            return this;
        }

        public String traceId() { return headers.get("Ssp-TraceID"); }

        /** Calls the server by another name for the loopback address (e.g. localhost), as another consumer would. */
        public Request host(String name) {
            this.host = name;
            return this;
        }

        public Response send() {
            if (!headers.containsKey("Authorization")) {
                ConsumerJwt token = dstu2 ? ConsumerJwt.dstu2() : ConsumerJwt.forAudience(server.url("/B82617/STU3/1"));
                headers.put("Authorization", jwt.apply(token.scope(scope)).bearer());
            } else if (headers.get("Authorization").isEmpty()) {
                headers.remove("Authorization");
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url(path).replace("://127.0.0.1:", "://" + host + ":"))).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
