package org.gpconnect.store.dataset;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates the content of the data set's documents (the Binary each DocumentReference points at) when
 * the data set is loaded, so no document is committed as a file: one-page PDF letters (PDFBox), a
 * scanned-style page image (TIFF/PNG/JPEG, drawn headless with java.awt), an RTF letter, and a large
 * PDF of generated page images. Deterministic: the same inputs give the same bytes (fixed document
 * info dates and trailer ID, seeded noise). Generated once per JVM and cached, so repeated loads (the
 * test suites load the data set many times) pay once.
 */
public final class DocumentContent {
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private DocumentContent() {}

    /**
     * The bytes of the Binary {@code binaryId}: a document of {@code contentType} about
     * {@code description}; {@code minSize} &gt; 0 asks for a PDF at least that large. Cached for the
     * life of the JVM: for a bounded set of documents (the data set's, templates).
     */
    public static byte[] generate(String binaryId, String contentType, String description, String created, long minSize) {
        String key = binaryId + '\n' + contentType + '\n' + description + '\n' + created + '\n' + minSize;
        return CACHE.computeIfAbsent(key, k -> create(binaryId, contentType, description, created, minSize));
    }

    /** As {@link #generate}, not cached: for documents made once each, which a JVM-wide cache would hoard. */
    public static byte[] create(String binaryId, String contentType, String description, String created, long minSize) {
        try {
            return switch (contentType) {
                case "application/pdf" -> minSize > 0 ? largePdf(binaryId, description, created, minSize)
                        : letterPdf(binaryId, description, created);
                case "application/rtf", "text/rtf" -> rtf(description, created);
                case "image/tiff" -> scan(binaryId, description, created, "tiff");
                case "image/png" -> scan(binaryId, description, created, "png");
                case "image/jpeg" -> scan(binaryId, description, created, "jpeg");
                default -> throw new IllegalArgumentException("cannot generate a document of type " + contentType + " (" + binaryId + ")");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate document " + binaryId, e);
        }
    }

    /** The letter's lines: a believable clinic letter for the description. */
    static List<String> letter(String description, String created) {
        String date = created.substring(0, 10);
        List<String> lines = new ArrayList<>();
        lines.add("Dear Dr Smith,");
        lines.add("");
        lines.add("Re: " + description);
        lines.add("");
        lines.add("Thank you for asking us to see your patient. This letter summarises the outcome of their");
        lines.add("attendance on " + date + " and our recommendations for ongoing care in the practice.");
        lines.add("");
        lines.add("Findings: " + description + ".");
        lines.add("The findings were explained to the patient, who understood them and had the opportunity to");
        lines.add("ask questions. No urgent action is needed; please continue current medication unchanged.");
        lines.add("");
        lines.add("Plan: we will write again after the next review. Please contact the department if there is");
        lines.add("any change in symptoms before then, or if the patient has any concerns.");
        lines.add("");
        lines.add("Yours sincerely,");
        lines.add("");
        lines.add("Dr A Patel, Consultant");
        lines.add("cc: the patient");
        return lines;
    }

    static byte[] letterPdf(String binaryId, String description, String created) throws IOException {
        try (PDDocument pdf = newPdf(binaryId, description, created)) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(bold, 14);
                text.newLineAtOffset(56, 780);
                text.showText("Leeds Teaching Hospitals NHS Trust");
                text.setFont(regular, 10);
                text.setLeading(15);
                text.newLine();
                text.showText("Outpatient Department, Great George Street, Leeds LS1 3EX");
                text.newLine();
                text.showText("Date: " + created.substring(0, 10));
                text.newLine();
                text.newLine();
                text.setFont(regular, 11);
                for (String line : letter(description, created)) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            return save(pdf);
        }
    }

    /** A PDF of generated, incompressible page images, at least {@code minSize} bytes. */
    static byte[] largePdf(String binaryId, String description, String created, long minSize) throws IOException {
        try (PDDocument pdf = newPdf(binaryId, description, created)) {
            Random random = new Random(binaryId.hashCode());
            int width = 800;
            int height = 1100;
            long imageBytes = 0;
            for (int n = 1; imageBytes < minSize + 64 * 1024; n++) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int grey = 200 + random.nextInt(56);
                        image.setRGB(x, y, (grey << 16) | ((grey - random.nextInt(8)) << 8) | (grey - random.nextInt(8)));
                    }
                }
                PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
                imageBytes += xobject.getCOSObject().getLength();
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    content.newLineAtOffset(56, 800);
                    content.showText("Scanned page " + n + ": " + description);
                    content.endText();
                }
            }
            return save(pdf);
        }
    }

    private static PDDocument newPdf(String binaryId, String description, String created) {
        PDDocument pdf = new PDDocument();
        PDDocumentInformation info = pdf.getDocumentInformation();
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.clear();
        date.set(Integer.parseInt(created.substring(0, 4)), Integer.parseInt(created.substring(5, 7)) - 1,
                Integer.parseInt(created.substring(8, 10)), 9, 0, 0);
        info.setCreationDate(date);
        info.setModificationDate(date);
        info.setTitle(description);
        info.setProducer("gpconnect data set");
        info.setCreator("gpconnect data set");
        // a fixed trailer ID: without one PDFBox derives it from the current time
        byte[] id = binaryId.getBytes(StandardCharsets.US_ASCII);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
        return pdf;
    }

    private static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }

    static byte[] rtf(String description, String created) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs22\n");
        rtf.append("{\\b\\fs28 Riverside Medical Practice}\\par\n");
        rtf.append("Community Physiotherapy Service referral\\par\nDate: ").append(created, 0, 10).append("\\par\\par\n");
        for (String line : letter(description, created)) {
            rtf.append(escapeRtf(line.replace("Dear Dr Smith,", "Dear Physiotherapy team,")
                    .replace("Dr A Patel, Consultant", "Dr J Brown, GP"))).append("\\par\n");
        }
        rtf.append("}\n");
        return rtf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String escapeRtf(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}') out.append('\\').append(c);
            else if (c > 127) out.append("\\u").append((int) c).append('?');
            else out.append(c);
        }
        return out.toString();
    }

    /** A scanned-style page: the letter drawn in grey on an off-white page with speckle noise. */
    static byte[] scan(String binaryId, String description, String created, String format) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 827;
        int height = 1169;
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(new Color(240, 240, 240));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(40, 40, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString("Community Podiatry Service", 60, 80);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int y = 130;
            for (String line : letter(description, created)) {
                g.drawString(line, 60, y);
                y += 22;
            }
        } finally {
            g.dispose();
        }
        Random random = new Random(binaryId.hashCode());
        for (int i = 0; i < width * height / 50; i++) {
            int x = random.nextInt(width);
            int yy = random.nextInt(height);
            int v = random.nextBoolean() ? 90 + random.nextInt(80) : 255;
            page.getRaster().setSample(x, yy, 0, v);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("tiff".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
            }
            writer.write(null, new IIOImage(page, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
