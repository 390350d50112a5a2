package org.finassist.rag.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes text files of unknown encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of
 * GBK and GB2312, which Chinese Windows tools still write). Strict decoding, so a GBK file is never read as mojibake.
 */
final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    static String decode(byte[] bytes) throws IngestException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return strict(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFF, 0xFE)) return strict(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
        if (startsWith(bytes, 0xFE, 0xFF)) return strict(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16BE);
        try {
            return strict(bytes, StandardCharsets.UTF_8);
        } catch (IngestException notUtf8) {
            return strict(bytes, GB18030);
        }
    }

    private static String strict(byte[] bytes, Charset charset) throws IngestException {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IngestException("text is neither UTF-8 nor GBK/GB18030", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
