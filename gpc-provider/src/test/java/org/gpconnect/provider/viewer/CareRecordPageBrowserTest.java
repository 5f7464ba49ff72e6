package org.gpconnect.provider.viewer;

import org.gpconnect.provider.html.RecordSection;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.store.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care record viewer in a real browser: headless Chromium loads patient 2's page from the real
 * server, and what it rendered (its DOM, a screenshot) shows the banner and every section.
 */
class CareRecordPageBrowserTest extends ApiTest {
    /** Where a person can look at what the browser saw after a build. */
    static final Path SCREENSHOT = Path.of("target", "browser", "care-record-patient-2.png");

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Test
    void renderedPageShowsThePatientBannerAndEverySection() {
        String dom = Chromium.dumpDom(server.url(CareRecordPage.PATH + "/2"));

        assertThat(dom).contains("ELLISON, Margaret Anne (Mrs)", "02-Sep-1948", "Female", "969 093 7286",
                "Hollin Bridge Surgery (B82617)");
        int previous = -1;
        for (RecordSection section : CareRecordPage.VIEWED) {
            var heading = Pattern.compile("<h1[^>]*>\\s*" + Pattern.quote(section.heading()) + "\\s*</h1>").matcher(dom);
            assertThat(heading.find()).as("the rendered page has <h1>%s</h1>", section.heading()).isTrue();
            assertThat(heading.start()).as("%s comes after the section before it", section).isGreaterThan(previous);
            previous = heading.start();
        }
        assertThat(dom).as("every view rendered").doesNotContain("class=\"record-section render-failure\"");
    }

    @Test
    void screenshotOfPatient2IsSavedUnderTheBuildOutput() throws IOException {
        Chromium.screenshot(server.url(CareRecordPage.PATH + "/2"), SCREENSHOT);

        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).as("a PNG of a whole page, not an empty one").isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image).as("a readable PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        // a blank or error page has a handful of colours; text, banner and tables have many
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(50);
    }
}
