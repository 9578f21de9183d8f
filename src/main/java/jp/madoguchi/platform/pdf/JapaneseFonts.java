package jp.madoguchi.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Japanese font embedded in the project's PDFs.
 *
 * <p>By default the font shipped inside the application ({@code fonts/NotoSansJP-Regular.ttf} on the classpath, SIL
 * OFL 1.1), so output does not depend on the machine. A TrueType font file on the machine can be chosen instead
 * ({@link #fromFile(Path)}, property {@code madoguchi.pdf.font-path}), or the first installed Debian Japanese Gothic
 * font ({@link #installed()}, property value {@code installed}).
 *
 * <p>The font file is read once and kept in memory; {@link #embedIn(PDDocument)} parses it for each document and
 * embeds only the glyphs used (a subset). Instances are immutable and safe to share between threads.
 */
public final class JapaneseFonts {

    /** Classpath location of the bundled font. */
    public static final String BUNDLED_RESOURCE = "fonts/NotoSansJP-Regular.ttf";

    /** Debian packages' Japanese Gothic fonts, in order of preference (fonts-ipaexfont-gothic, fonts-ipafont-gothic). */
    static final List<Path> DEBIAN_FONTS = List.of(
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"));

    /** The Debian package fonts-ipamj-mincho's file name (IPAmj明朝, IPA Font License v1.0 — never bundled). */
    static final String IPAMJ_MINCHO_FILE = "ipamjm.ttf";

    /** Where Debian installs fonts. */
    static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts");

    /** Where a font came from. */
    public enum Kind {
        /** Shipped in the application (classpath). */
        BUNDLED,
        /** A file named by configuration. */
        FILE,
        /** A Debian font package found on the machine. */
        INSTALLED
    }

    /**
     * Which font is used and where it came from.
     *
     * @param kind     bundled, configured file, or installed package
     * @param location classpath resource or file path
     * @param fontName the font's PostScript name (e.g. {@code NotoSansJP-Regular})
     */
    public record Origin(Kind kind, String location, String fontName) {

        /** One line for logs and the admin screen, e.g. {@code NotoSansJP-Regular (BUNDLED classpath:fonts/...)}. */
        public String describe() {
            return fontName + " (" + kind + " " + location + ")";
        }
    }

    private final byte[] fontFile;
    private final Origin origin;
    private final VariationSequences variationSequences;

    private JapaneseFonts(byte[] fontFile, Kind kind, String location) {
        this.fontFile = fontFile;
        // One parse for both the name check and the format-14 cmap (IPAmj明朝 is 46 MB).
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontFile))) {
            this.origin = new Origin(kind, location, postScriptName(ttf, location));
            this.variationSequences = variationSequences(fontFile, ttf);
        } catch (IOException e) {
            throw new IllegalStateException("日本語フォント " + location + " は TrueType フォントとして読めません: " + e.getMessage(), e);
        }
    }

    /** The ideographic variation sequences (IVS) the font maps to glyphs (its cmap format 14; 0 when none). */
    public int variationSequenceCount() {
        return variationSequences.size();
    }

    private static VariationSequences variationSequences(byte[] fontFile, TrueTypeFont ttf) {
        var cmap = ttf.getTableMap().get("cmap");
        return cmap == null ? VariationSequences.NONE : VariationSequences.parse(fontFile, cmap.getOffset());
    }

    /** The font shipped with the application. */
    public static JapaneseFonts bundled() {
        try (InputStream in = JapaneseFonts.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("同梱の日本語フォント " + BUNDLED_RESOURCE + " がクラスパスにありません。");
            }
            return new JapaneseFonts(in.readAllBytes(), Kind.BUNDLED, "classpath:" + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("同梱の日本語フォント " + BUNDLED_RESOURCE + " を読めません。", e);
        }
    }

    /** A TrueType font file (.ttf, or .otf with TrueType outlines) on this machine. */
    public static JapaneseFonts fromFile(Path file) {
        return fromFile(file, Kind.FILE);
    }

    /** The first Debian Japanese Gothic font installed on this machine, if any. */
    public static Optional<JapaneseFonts> installed() {
        return DEBIAN_FONTS.stream().filter(Files::isReadable).findFirst().map(p -> fromFile(p, Kind.INSTALLED));
    }

    /**
     * IPAmj明朝 (Debian package {@code fonts-ipamj-mincho}, about 60,000 glyphs of the 文字情報基盤 MJ character set)
     * when installed anywhere under {@code /usr/share/fonts}. It is only read from the machine, never shipped with the
     * application (IPA Font License v1.0: redistribution must keep the licence and the font unmodified; embedding a
     * subset in a PDF is allowed).
     */
    public static Optional<JapaneseFonts> installedMincho() {
        return installedMincho(SYSTEM_FONTS);
    }

    static Optional<JapaneseFonts> installedMincho(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (java.util.stream.Stream<Path> files = Files.find(root, 6,
                (path, attributes) -> attributes.isRegularFile()
                        && path.getFileName().toString().equalsIgnoreCase(IPAMJ_MINCHO_FILE))) {
            return files.sorted().findFirst().filter(Files::isReadable).map(p -> fromFile(p, Kind.INSTALLED));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The font named by the property {@code madoguchi.pdf.font-path}: blank means the bundled font, {@code installed}
     * the first Debian Japanese font found (an error if there is none), anything else a font file path.
     */
    public static JapaneseFonts forSetting(String fontPath) {
        if (fontPath == null || fontPath.isBlank()) {
            return bundled();
        }
        if (fontPath.strip().equals("installed")) {
            return installed().orElseThrow(() -> new IllegalStateException(
                    "madoguchi.pdf.font-path=installed ですが、日本語フォントのパッケージ（fonts-ipaexfont-gothic または "
                            + "fonts-ipafont-gothic）がこのマシンに見つかりません。"));
        }
        return fromFile(Path.of(fontPath.strip()));
    }

    private static JapaneseFonts fromFile(Path file, Kind kind) {
        Objects.requireNonNull(file, "file");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("日本語フォントのファイル " + file + " が見つからないか、読めません（madoguchi.pdf.font-path）。");
        }
        try {
            return new JapaneseFonts(Files.readAllBytes(file), kind, file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("日本語フォントのファイル " + file + " を読めません。", e);
        }
    }

    /** Which font this is and where it came from. */
    public Origin origin() {
        return origin;
    }

    /**
     * Loads the font into {@code document}, to be embedded as a subset holding only the glyphs the document uses (the
     * subset is written when the document is saved). Call once per document and reuse the result for all its pages.
     */
    public PDType0Font embedIn(PDDocument document) {
        try {
            PDType0Font font = PDType0Font.load(document, new RandomAccessReadBuffer(fontFile), true, false);
            VariationSequences.register(font, variationSequences);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("日本語フォント " + origin.describe() + " を PDF に読み込めません。", e);
        }
    }

    /**
     * The font parsed once, to embed in many documents one after another (parsing IPAmj明朝's 46 MB takes a few hundred
     * milliseconds, Noto Sans JP's tens): {@link Parsed#embedIn} works like {@link #embedIn} without parsing again.
     * A {@code Parsed} serves one document at a time — from {@code embedIn} until that document is saved (the subset
     * is made then) — so keep one per thread or in a pool; close it when done.
     */
    public Parsed parse() {
        try {
            return new Parsed(new TTFParser().parse(new RandomAccessReadBuffer(fontFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("日本語フォント " + origin.describe() + " を読めません。", e);
        }
    }

    /** A parsed font for one document at a time (see {@link #parse()}). */
    public final class Parsed implements AutoCloseable {

        private final TrueTypeFont ttf;

        private Parsed(TrueTypeFont ttf) {
            this.ttf = ttf;
        }

        /** Like {@link JapaneseFonts#embedIn}: a subset of this font is written when the document is saved. */
        public PDType0Font embedIn(PDDocument document) {
            try {
                PDType0Font font = PDType0Font.load(document, ttf, true);
                VariationSequences.register(font, variationSequences);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("日本語フォント " + origin.describe() + " を PDF に読み込めません。", e);
            }
        }

        @Override
        public void close() {
            try {
                ttf.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The font's PostScript name; fails unless the file is a TrueType font (glyf outlines, which PDFBox embeds). */
    private static String postScriptName(TrueTypeFont ttf, String location) throws IOException {
        if (!ttf.getTableMap().containsKey("glyf")) {
            throw new IllegalStateException("日本語フォント " + location
                    + " は TrueType 輪郭（glyf）を持ちません。CFF 輪郭の OpenType（.otf）は使えません。TrueType（.ttf）を指定してください。");
        }
        return ttf.getName();
    }
}
