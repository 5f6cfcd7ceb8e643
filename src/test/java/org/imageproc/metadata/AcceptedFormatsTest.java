package org.imageproc.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imageproc.imaging.ImageFormat;
import org.junit.jupiter.api.Test;

class AcceptedFormatsTest {

    @Test
    void namesAreReadInAnyCaseAndOrder() {
        AcceptedFormats formats = AcceptedFormats.parse("imageproc.formats", " png , jpeg ");

        assertThat(formats.accepts(ImageFormat.JPEG)).isTrue();
        assertThat(formats.accepts(ImageFormat.PNG)).isTrue();
        assertThat(formats.accepts(ImageFormat.GIF)).isFalse();
        assertThat(formats.alternatives()).isEqualTo("JPEG or PNG");
    }

    @Test
    void anOperatorMayNarrowTheList() {
        AcceptedFormats jpegOnly = AcceptedFormats.parse("imageproc.formats", "JPEG");

        assertThat(jpegOnly.accepts(ImageFormat.PNG)).isFalse();
        assertThat(jpegOnly.alternatives()).isEqualTo("JPEG");
    }

    @Test
    void aFormatTheServiceCannotDecodeIsRefusedAtStartup() {
        assertThatThrownBy(() -> AcceptedFormats.parse("imageproc.formats", "JPEG,GIF"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageproc.formats: GIF images cannot be decoded by imageproc; choose from JPEG, PNG");
    }

    @Test
    void anUnknownNameIsRefusedAtStartup() {
        assertThatThrownBy(() -> AcceptedFormats.parse("imageproc.formats", "JPG"))
                .hasMessage("imageproc.formats: 'JPG' is not an image format; choose from JPEG, PNG");
    }

    @Test
    void anEmptyListIsRefusedAtStartup() {
        assertThatThrownBy(() -> AcceptedFormats.parse("imageproc.formats", " , "))
                .hasMessage("imageproc.formats is empty; list the formats to process, from JPEG, PNG");
    }
}
