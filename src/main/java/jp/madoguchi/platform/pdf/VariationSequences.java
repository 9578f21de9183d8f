package jp.madoguchi.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.WeakHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Ideographic variation sequences (IVS, e.g. 葛󠄀 = U+845B U+E0100) of a TrueType font: its cmap format-14 subtable
 * (Unicode Variation Sequences), which PDFBox does not read. A sequence the font maps to a glyph of its own
 * ("non-default UVS", as IPAmj明朝 does for the MJ character forms) is drawn with exactly that glyph; a sequence
 * whose glyph is the base character's ("default UVS") is drawn with the base glyph. Anything else stays missing
 * ({@link MissingGlyphs}).
 *
 * <p>PDFBox writes a ToUnicode map only for glyphs its cmap reaches, so a document that drew variation glyphs is
 * saved with {@link #save(PDDocument)}, which adds their text (base + selector) to the font's ToUnicode map: text
 * extraction and search then return the registered sequence.
 */
public final class VariationSequences {

    /** No sequences (a font without a format-14 cmap). */
    static final VariationSequences NONE = new VariationSequences(Map.of());

    private static final int DEFAULT_GLYPH = -1;
    private static final Map<PDFont, VariationSequences> BY_FONT = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<PDDocument, Map<Integer, String>> USED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<Long, Integer> glyphs;

    private VariationSequences(Map<Long, Integer> glyphs) {
        this.glyphs = glyphs;
    }

    private static long key(int base, int selector) {
        return ((long) selector << 32) | (base & 0xFFFFFFFFL);
    }

    /** Number of sequences the font defines. */
    public int size() {
        return glyphs.size();
    }

    /**
     * The glyph of {@code base + selector}: the glyph id for a non-default sequence, {@code -1} for a default one
     * (draw the base character), empty when the font does not define the sequence.
     */
    OptionalInt glyph(int base, int selector) {
        Integer gid = glyphs.get(key(base, selector));
        return gid == null ? OptionalInt.empty() : OptionalInt.of(gid);
    }

    /** Parses the format-14 subtable of the cmap table found at {@code cmapOffset} in {@code ttf}. */
    static VariationSequences parse(byte[] ttf, long cmapOffset) {
        try {
            ByteBuffer b = ByteBuffer.wrap(ttf);
            int cmap = Math.toIntExact(cmapOffset);
            int numTables = b.getShort(cmap + 2) & 0xFFFF;
            for (int i = 0; i < numTables; i++) {
                int record = cmap + 4 + i * 8;
                int platform = b.getShort(record) & 0xFFFF;
                int encoding = b.getShort(record + 2) & 0xFFFF;
                int offset = b.getInt(record + 4);
                int sub = cmap + offset;
                if (platform == 0 && encoding == 5 && (b.getShort(sub) & 0xFFFF) == 14) {
                    return new VariationSequences(parseFormat14(b, sub));
                }
            }
            return NONE;
        } catch (RuntimeException e) {
            return NONE; // a malformed table: no sequences rather than a wrong glyph
        }
    }

    private static Map<Long, Integer> parseFormat14(ByteBuffer b, int sub) {
        Map<Long, Integer> glyphs = new HashMap<>();
        int records = b.getInt(sub + 6);
        for (int r = 0; r < records; r++) {
            int rec = sub + 10 + r * 11;
            int selector = uint24(b, rec);
            int defaultOffset = b.getInt(rec + 3);
            int nonDefaultOffset = b.getInt(rec + 7);
            if (defaultOffset != 0) {
                int at = sub + defaultOffset;
                int ranges = b.getInt(at);
                for (int i = 0; i < ranges; i++) {
                    int start = uint24(b, at + 4 + i * 4);
                    int count = b.get(at + 4 + i * 4 + 3) & 0xFF;
                    for (int cp = start; cp <= start + count; cp++) {
                        glyphs.put(key(cp, selector), DEFAULT_GLYPH);
                    }
                }
            }
            if (nonDefaultOffset != 0) {
                int at = sub + nonDefaultOffset;
                int mappings = b.getInt(at);
                for (int i = 0; i < mappings; i++) {
                    int m = at + 4 + i * 5;
                    glyphs.put(key(uint24(b, m), selector), b.getShort(m + 3) & 0xFFFF);
                }
            }
        }
        return Map.copyOf(glyphs);
    }

    private static int uint24(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 16) | ((b.get(at + 1) & 0xFF) << 8) | (b.get(at + 2) & 0xFF);
    }

    static void register(PDFont font, VariationSequences sequences) {
        if (sequences.size() > 0) {
            BY_FONT.put(font, sequences);
        }
    }

    /** The sequences of a font loaded through {@link JapaneseFonts#embedIn}, or none. */
    static VariationSequences of(PDFont font) {
        return BY_FONT.getOrDefault(font, NONE);
    }

    /** Records that {@code document} drew glyph {@code gid} for the sequence {@code text}. */
    static void used(PDDocument document, int gid, String text) {
        USED.computeIfAbsent(document, d -> Collections.synchronizedMap(new LinkedHashMap<>())).put(gid, text);
    }

    /**
     * Saves {@code document}; when it drew variation glyphs, adds their text to the embedded fonts' ToUnicode maps
     * (one more parse and save of the written file).
     */
    public static byte[] save(PDDocument document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            Map<Integer, String> used = USED.remove(document);
            if (used == null || used.isEmpty()) {
                return out.toByteArray();
            }
            try (PDDocument saved = Loader.loadPDF(out.toByteArray())) {
                for (PDPage page : saved.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        if (resources.getFont(name) instanceof PDType0Font type0
                                && type0.getCOSObject().getCOSStream(COSName.TO_UNICODE) instanceof COSStream toUnicode
                                && !toUnicode.containsKey(COSName.getPDFName("MadoguchiIVS"))) {
                            addMappings(toUnicode, used);
                        }
                    }
                }
                ByteArrayOutputStream patched = new ByteArrayOutputStream();
                saved.save(patched);
                return patched.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addMappings(COSStream toUnicode, Map<Integer, String> used) throws IOException {
        String cmap;
        try (var in = toUnicode.createInputStream()) {
            cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        StringBuilder block = new StringBuilder();
        block.append(used.size()).append(" beginbfchar\n");
        HexFormat hex = HexFormat.of().withUpperCase();
        synchronized (used) {
            for (Map.Entry<Integer, String> e : used.entrySet()) {
                block.append('<').append(String.format("%04X", e.getKey())).append("> <")
                        .append(hex.formatHex(e.getValue().getBytes(StandardCharsets.UTF_16BE))).append(">\n");
            }
        }
        block.append("endbfchar\n");
        int end = cmap.lastIndexOf("endcmap");
        String patched = end < 0 ? cmap : cmap.substring(0, end) + block + cmap.substring(end);
        try (var out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(patched.getBytes(StandardCharsets.ISO_8859_1));
        }
        toUnicode.setBoolean(COSName.getPDFName("MadoguchiIVS"), true);
    }
}
