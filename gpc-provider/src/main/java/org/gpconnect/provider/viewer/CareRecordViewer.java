package org.gpconnect.provider.viewer;

import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.provider.html.TimePeriod;
import org.gpconnect.provider.html.view.CareRecordViews;
import org.gpconnect.store.GpRecordStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The care record viewer, a local-only admin page: {@code GET /_admin/care-record} lists the
 * patients, {@code GET /_admin/care-record/{patientId}} (or {@code /{odsCode}/{patientId}}) shows
 * one record, optionally {@code ?from=yyyy-MM-dd&to=yyyy-MM-dd}. It is not a GP Connect
 * interaction: the Spine gateway lets /_admin through untouched, and this class refuses any caller
 * that is not on the provider's own machine.
 */
@RestController
@RequestMapping(CareRecordPage.PATH)
class CareRecordViewer {
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final CareRecordPage page;

    // the section views may become a bean of the HTML operation's; until then the viewer makes its own
    CareRecordViewer(GpRecordStore store, CareRecordViews views, Clock clock) {
        this.page = new CareRecordPage(store, views, clock);
    }

    @GetMapping
    ResponseEntity<String> index(HttpServletRequest request) {
        if (!LocalOnly.admits(request.getRemoteAddr())) {
            return refused();
        }
        return html(HttpStatus.OK, page.index(base(request)));
    }

    @GetMapping("/{patientId}")
    ResponseEntity<String> patient(@PathVariable String patientId, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, HttpServletRequest request) {
        if (!LocalOnly.admits(request.getRemoteAddr())) {
            return refused();
        }
        Optional<String> odsCode = page.practiceOf(patientId);
        if (odsCode.isEmpty()) {
            return notFound(patientId, "any practice", request);
        }
        return show(odsCode.get(), patientId, from, to, request);
    }

    @GetMapping("/{odsCode}/{patientId}")
    ResponseEntity<String> patientAt(@PathVariable String odsCode, @PathVariable String patientId,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, HttpServletRequest request) {
        if (!LocalOnly.admits(request.getRemoteAddr())) {
            return refused();
        }
        return show(odsCode, patientId, from, to, request);
    }

    private ResponseEntity<String> show(String odsCode, String patientId, String from, String to, HttpServletRequest request) {
        TimePeriod period;
        try {
            period = period(from, to);
        } catch (DateTimeParseException e) {
            return html(HttpStatus.BAD_REQUEST, page.problem("Not a date",
                    "from and to are dates as yyyy-MM-dd: " + e.getParsedString(), base(request)));
        }
        return page.patient(odsCode, patientId, period, base(request))
                .map(body -> html(HttpStatus.OK, body))
                .orElseGet(() -> notFound(patientId, "practice " + odsCode, request));
    }

    /** The consumer's time period as the views take it; null (none sent) when neither end is given. */
    static TimePeriod period(String from, String to) {
        LocalDate start = from == null || from.isBlank() ? null : LocalDate.parse(from.strip());
        LocalDate end = to == null || to.isBlank() ? null : LocalDate.parse(to.strip());
        return start == null && end == null ? null : new TimePeriod(start, end);
    }

    private ResponseEntity<String> notFound(String patientId, String where, HttpServletRequest request) {
        return html(HttpStatus.NOT_FOUND, page.problem("Patient not found",
                "There is no patient " + patientId + " at " + where + ".", base(request)));
    }

    private static ResponseEntity<String> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).cacheControl(CacheControl.noStore())
                .body("The care record viewer answers only on the provider's own machine (loopback addresses).\n");
    }

    // patient data: never cached, even on the machine that shows it
    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(body);
    }

    private static String base(HttpServletRequest request) {
        return request.getContextPath() + CareRecordPage.PATH;
    }
}
