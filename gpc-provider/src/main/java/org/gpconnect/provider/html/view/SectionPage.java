package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/**
 * The frame every view shares (accessrecord_html_layout.md): the {@code <div>}, the section's
 * {@code <h1>}, the GP transfer banner while a GP2GP transfer is incomplete, the section's content
 * banners, then its tables (each with its own banners, or its replacement fragment).
 */
final class SectionPage {
    private SectionPage() {}

    static String render(ViewContext context, List<String> contentBanners, List<ViewTable> tables) {
        XhtmlWriter out = new XhtmlWriter();
        out.open(XhtmlWriter.Tag.div).element(XhtmlWriter.Tag.h1, context.section().heading());
        if (context.request().registration() != null && context.request().registration().inTransit()) {
            LocalDate registered = registrationDate(context);
            out.banner("gptransfer-banner", "Patient record transfer from previous GP practice not yet complete; "
                    + "information recorded before " + (registered == null ? "registration" : DisplayDate.format(registered))
                    + " may be missing");
        }
        for (String banner : contentBanners) {
            out.banner("content-banner", banner);
        }
        for (ViewTable table : tables) {
            table.writeTo(out);
        }
        return out.close(XhtmlWriter.Tag.div).toString();
    }

    /** "Not supported by this system" under the heading: INV and PAT, which 0.7.4 has no view for. */
    static String notSupported(ViewContext context) {
        XhtmlWriter out = new XhtmlWriter();
        out.open(XhtmlWriter.Tag.div).element(XhtmlWriter.Tag.h1, context.section().heading());
        Fragments.notSupported(out, context.section().heading());
        return out.close(XhtmlWriter.Tag.div).toString();
    }

    /** The start of the registration at this practice (the Patient's registration details). */
    private static LocalDate registrationDate(ViewContext context) {
        if (context.request().patient() == null) {
            return null;
        }
        JsonNode patient = ViewContext.parse(context.request().patient().json());
        JsonNode details = Texts.extension(patient, "Extension-CareConnect-GPC-RegistrationDetails-1");
        return Texts.date(Texts.part(details, "registrationPeriod").path("valuePeriod").path("start"));
    }
}
