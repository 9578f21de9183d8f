/**
 * PDF foundation shared by every printed document (納付書, 決定通知書, 証明書, おくやみの案内…): Apache PDFBox with an
 * embedded Japanese font.
 *
 * <ul>
 *   <li>{@link jp.madoguchi.platform.pdf.JapaneseFonts} — which Japanese font to embed (the bundled Noto Sans JP by
 *       default, or a font file on the machine via {@code madoguchi.pdf.font-path}), embedded as a subset.
 *   <li>{@link jp.madoguchi.platform.pdf.MissingGlyphs} — the characters a font cannot draw, found before printing.
 *   <li>{@link jp.madoguchi.platform.pdf.PdfText} — lines and wrapped paragraphs at millimetre positions on a page;
 *       it refuses text with a missing glyph ({@link jp.madoguchi.platform.pdf.MissingGlyphException}) instead of
 *       printing a blank or a look-alike.
 * </ul>
 *
 * <p>See docs/pdf.md.
 */
@org.springframework.modulith.NamedInterface("pdf")
package jp.madoguchi.platform.pdf;
