package io.loadgrid.testbed.echo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Bytes shown as text the way httpbin does: UTF-8 when they decode cleanly, else a base64 data URL. */
final class BodyText {

    private BodyText() {}

    static String of(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
