package org.gpconnect.provider.spine;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.fhir.jwt.JwtValidator;
import org.gpconnect.provider.audit.RequestAudit;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.Practice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Spine request pipeline, written once for every capability: service root, Spine headers,
 * practice and ASID, interaction ID against verb and path, JWT, content negotiation, what is
 * implemented, enablement; then the capability's HAPI server, or its own {@link StreamedInteraction};
 * then audit. Any rejection is one OperationOutcome with the Spine code and status of the spec's
 * error table. What differs on the 0.x (DSTU2) root (media types, OperationOutcome, JWT rules) is
 * its {@link FhirRelease}'s data, read by the steps rather than branched on here (ADR 0010).
 */
public class SpineGateway extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(SpineGateway.class);
    /**
     * Paths that are not GP Connect and never pass the gateway: Spring's actuator, and the local-only
     * admin pages (the care record viewer), which make their own loopback check.
     */
    private static final List<String> NOT_SPINE = List.of("/actuator", "/_admin");

    private final GpRecordStore store;
    private final JwtValidator jwtValidator;
    private final Map<ServiceRootKind, RestfulServer> servers;
    private final Map<String, StreamedInteraction> streamed;
    private final Set<String> implemented;
    private final RequestAudit audit;
    private final OperationOutcomeWriter errors;
    private final Clock clock;

    public SpineGateway(GpRecordStore store, JwtValidator jwtValidator, Map<ServiceRootKind, RestfulServer> servers,
                        Map<String, StreamedInteraction> streamed, Set<String> implemented, RequestAudit audit,
                        Clock clock) {
        this.store = store;
        this.jwtValidator = jwtValidator;
        this.servers = servers;
        this.streamed = streamed;
        this.implemented = implemented;
        this.audit = audit;
        this.errors = new OperationOutcomeWriter();
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the container's decoded, normalised path, not the raw URI: "/_admin/../_gpc-internal/..." must
        // not slip past the gateway into a HAPI server
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return NOT_SPINE.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        GpConnectRequest context = GpConnectRequest.start(request);
        FhirRelease release = ServiceRoot.parse(relativeUri(request)).map(root -> root.kind().release()).orElse(FhirRelease.STU3);
        ResponseFormat format = ResponseFormat.json(release);
        try {
            // first, so that every later rejection is written in the format the consumer reads
            format = ResponseFormat.negotiate(request, release);
            ServiceRoot root = admit(request, context);
            ResponseFormat.checkRequestBody(request, release);
            StreamedInteraction own = streamed.get(context.interaction().id());
            RestfulServer server = own == null ? servers.get(root.kind()) : null;
            // the 0.x root has no HAPI server: only what a module answers itself is served there
            if (!implemented.contains(context.interaction().id()) || (own == null && server == null)) {
                throw new SpineException(SpineErrorCode.NOT_IMPLEMENTED,
                        "This server does not implement " + context.interaction().id() + " yet");
            }
            if (!InteractionCatalogue.ignoresEnablement(context.interaction())
                    && !context.practice().enabled(context.interaction().capability())) {
                throw new SpineException(SpineErrorCode.ACCESS_DENIED, "GP Connect "
                        + context.interaction().capability().name().toLowerCase() + " is not enabled at practice " + root.odsCode());
            }
            GatewayRequest admitted = new GatewayRequest(request, root, format);
            if (own != null) {
                own.respond(admitted, response, context, format);
            } else {
                server.service(admitted, response);
            }
        } catch (SpineException e) {
            context.failed(e.code(), e.diagnostics());
            if (!response.isCommitted()) {
                response.resetBuffer();
                errors.write(response, format, e);
            }
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure for trace {}", context.traceId(), e);
            SpineException error = new SpineException(SpineErrorCode.INTERNAL_SERVER_ERROR, "Unexpected internal server error");
            context.failed(error.code(), e.toString());
            if (!response.isCommitted()) {
                response.resetBuffer();
                errors.write(response, format, error);
            }
        } finally {
            audit.record(context, response.getStatus());
        }
    }

    /** The steps that decide whether this request may reach a handler at all. */
    private ServiceRoot admit(HttpServletRequest request, GpConnectRequest context) {
        String path = relativeUri(request);
        ServiceRoot root = ServiceRoot.parse(path).orElseThrow(() ->
                new SpineException(SpineErrorCode.NO_RECORD_FOUND, "No GP Connect service root at " + path));
        context.root(root, baseUrl(request, root));
        SpineHeaders.read(request, context);
        Practice practice = store.practice(root.odsCode()).orElseThrow(() ->
                new SpineException(SpineErrorCode.ORGANISATION_NOT_FOUND, "No GP Connect endpoint for ODS code " + root.odsCode()));
        context.practice(practice);
        if (!practice.asid().equals(context.toAsid())) {
            throw SpineException.badRequest("Ssp-To " + context.toAsid() + " is not the ASID of this endpoint");
        }
        Interaction interaction = InteractionCatalogue.byId(context.interactionId()).orElseThrow(() ->
                SpineException.badRequest("Unknown Ssp-InteractionID " + context.interactionId()));
        boolean noId = readsNoId(interaction, root, request.getMethod());
        if (!noId && !interaction.matches(root.kind(), request.getMethod(), root.relativePath())) {
            throw SpineException.badRequest("Ssp-InteractionID " + interaction.id() + " does not match "
                    + request.getMethod() + " " + path);
        }
        context.interaction(interaction);
        context.party(jwtValidator.validate(request.getHeader("Authorization"), interaction, clock.instant()));
        if (noId) {
            // the test suite reads an appointment with its id left out and expects not found, not a bad request
            throw new SpineException(SpineErrorCode.NO_RECORD_FOUND, "No logical id in " + path);
        }
        return root;
    }

    private static String relativeUri(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The interaction's path with its trailing id left empty ("GET /Appointment/" for a read). */
    private static boolean readsNoId(Interaction interaction, ServiceRoot root, String method) {
        String template = interaction.pathTemplate();
        return root.kind() == interaction.root() && interaction.verb().equals(method) && template.endsWith("/{id}")
                && root.relativePath().equals(template.substring(0, template.length() - "{id}".length()));
    }

    private static String baseUrl(HttpServletRequest request, ServiceRoot root) {
        StringBuilder url = new StringBuilder(64).append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(port == 80 && "http".equals(request.getScheme())) && !(port == 443 && "https".equals(request.getScheme()))) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append(root.rootPath()).toString();
    }
}
