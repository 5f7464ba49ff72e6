package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.jwt.RequestingParty;
import org.gpconnect.store.Practice;

/**
 * What the pipeline learnt about one request, for the handlers (practice, interaction) and for
 * the audit record (who asked, for whom, with what outcome). Mutable: filled in step by step.
 */
public final class GpConnectRequest {
    private static final String ATTRIBUTE = GpConnectRequest.class.getName();

    private final long startNanos = System.nanoTime();
    private String traceId;
    private String fromAsid;
    private String toAsid;
    private String interactionId;
    private ServiceRoot root;
    private Practice practice;
    private Interaction interaction;
    private RequestingParty party;
    private String patient;
    private SpineErrorCode error;
    private String errorDiagnostics;
    private String detail;
    private String baseUrl;

    public static GpConnectRequest start(HttpServletRequest request) {
        GpConnectRequest context = new GpConnectRequest();
        request.setAttribute(ATTRIBUTE, context);
        return context;
    }

    public static GpConnectRequest of(HttpServletRequest request) {
        Object context = request.getAttribute(ATTRIBUTE);
        if (context == null) {
            throw new IllegalStateException("request did not pass the Spine gateway");
        }
        return (GpConnectRequest) context;
    }

    public long startNanos() { return startNanos; }
    public String traceId() { return traceId; }
    public String fromAsid() { return fromAsid; }
    public String toAsid() { return toAsid; }
    public String interactionId() { return interactionId; }
    public ServiceRoot root() { return root; }
    public Practice practice() { return practice; }
    public Interaction interaction() { return interaction; }
    public RequestingParty party() { return party; }
    public String patient() { return patient; }
    public SpineErrorCode error() { return error; }
    public String errorDiagnostics() { return errorDiagnostics; }
    /** What an accepted request changed, for the audit record (provenance of data written via the API). */
    public String detail() { return detail; }
    /** Absolute URL of the service root the request came to, as a consumer would reach it. */
    public String baseUrl() { return baseUrl; }

    /**
     * Absolute URL of another of the practice's service roots, on the scheme, host and port this
     * request came to (e.g. the Access Document root, where a structured record's documents are).
     */
    public String rootUrl(org.gpconnect.fhir.interaction.ServiceRootKind kind) {
        return baseUrl.substring(0, baseUrl.length() - root.rootPath().length()) + kind.path(root.odsCode());
    }

    void headers(String traceId, String fromAsid, String toAsid, String interactionId) {
        this.traceId = traceId;
        this.fromAsid = fromAsid;
        this.toAsid = toAsid;
        this.interactionId = interactionId;
    }

    void root(ServiceRoot root, String baseUrl) {
        this.root = root;
        this.baseUrl = baseUrl;
    }

    void practice(Practice practice) { this.practice = practice; }
    void interaction(Interaction interaction) { this.interaction = interaction; }
    void party(RequestingParty party) { this.party = party; }

    /** The patient the request concerns, for the audit record. */
    public void patient(String patient) { this.patient = patient; }

    public void detail(String detail) { this.detail = detail; }

    public void failed(SpineErrorCode code, String diagnostics) {
        this.error = code;
        this.errorDiagnostics = diagnostics;
    }
}
