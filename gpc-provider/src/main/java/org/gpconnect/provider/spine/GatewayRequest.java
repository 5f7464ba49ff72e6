package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request as HAPI sees it: the service root presented as the servlet path (so HAPI resolves
 * resource paths below it), and the format already negotiated, so HAPI's own rules never differ
 * from the spec's.
 */
final class GatewayRequest extends HttpServletRequestWrapper {
    private final String servletPath;
    private final String pathInfo;
    private final String accept;
    private final Map<String, String[]> parameters;

    GatewayRequest(HttpServletRequest request, ServiceRoot root, ResponseFormat format) {
        super(request);
        this.servletPath = root.rootPath();
        this.pathInfo = root.relativePath().isEmpty() ? null : root.relativePath();
        this.accept = format.mediaType();
        Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
        params.remove("_format");
        this.parameters = Collections.unmodifiableMap(params);
    }

    @Override public String getServletPath() { return servletPath; }
    @Override public String getPathInfo() { return pathInfo; }

    @Override
    public String getHeader(String name) {
        return "accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(accept)) : super.getHeaders(name);
    }

    @Override public Map<String, String[]> getParameterMap() { return parameters; }
    @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters.keySet()); }
    @Override public String[] getParameterValues(String name) { return parameters.get(name); }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
