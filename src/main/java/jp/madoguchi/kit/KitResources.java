package jp.madoguchi.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads the kit's own classpath resources (package-private helper; the kit does no other I/O). */
final class KitResources {

    private KitResources() {
    }

    /**
     * Reads a resource beside the kit's classes as strict UTF-8 (a byte that is not UTF-8 is an error, never a
     * replacement character).
     */
    static String readUtf8(String name) {
        byte[] bytes;
        try (InputStream in = KitResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource jp/madoguchi/kit/" + name
                        + " is missing (packaging error)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource jp/madoguchi/kit/" + name, e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KitFormatException(name + ": UTF-8 ではないバイト列があります",
                    name + ": the file is not valid UTF-8");
        }
    }
}
