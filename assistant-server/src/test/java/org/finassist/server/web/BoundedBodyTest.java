package org.finassist.server.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBodyTest {

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDeclaredLengthIsReadExactly() throws IOException {
        assertThat(BoundedBody.read(stream("{\"a\":1}"), 7, 100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
        assertThat(BoundedBody.read(stream(""), 0, 100)).isEmpty();
    }

    @Test
    void aBodyShorterThanDeclaredIsWhatArrived() throws IOException {
        // a client that left mid-body: the caller sees invalid JSON, as before, not an array padded with zeros
        assertThat(BoundedBody.read(stream("{\"a\""), 7, 100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\"");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherDeclaredOrNot() throws IOException {
        assertThat(BoundedBody.read(stream("0123456789"), 10, 5)).isNull();
        assertThat(BoundedBody.read(stream("0123456789"), -1, 5)).isNull();
        assertThat(BoundedBody.read(stream("01234"), -1, 5)).asString(StandardCharsets.UTF_8).isEqualTo("01234");
    }
}
