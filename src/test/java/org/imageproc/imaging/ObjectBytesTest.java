package org.imageproc.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class ObjectBytesTest {

    private static final byte[] BODY = "0123456789".getBytes();

    @Test
    void readsTheDeclaredLengthExactly() throws IOException {
        assertThat(ObjectBytes.read(new ByteArrayInputStream(BODY), 10L, 100)).isEqualTo(BODY);
    }

    @Test
    void aBodyShorterThanDeclaredIsAnErrorNotAShortImage() {
        assertThatThrownBy(() -> ObjectBytes.read(new ByteArrayInputStream(BODY), 12L, 100))
                .isInstanceOf(EOFException.class).hasMessageContaining("after 10 of its 12 bytes");
    }

    @Test
    void aBodyLongerThanDeclaredIsAnError() {
        assertThatThrownBy(() -> ObjectBytes.read(new ByteArrayInputStream(BODY), 8L, 100))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than the 8 bytes");
    }

    @Test
    void withoutADeclaredLengthReadsOneByteMoreThanTheLimitSoTheCallerSeesItIsTooLarge() throws IOException {
        assertThat(ObjectBytes.read(new ByteArrayInputStream(BODY), null, 4)).hasSize(5);
        assertThat(ObjectBytes.read(new ByteArrayInputStream(BODY), null, 100)).isEqualTo(BODY);
        assertThat(ObjectBytes.read(new ByteArrayInputStream(BODY), 10L, 4)).hasSize(5);
    }
}
