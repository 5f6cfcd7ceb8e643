package org.imageproc.local;

import com.fasterxml.jackson.core.Base64Variant.PaddingReadBehaviour;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Jackson as Rekognition's JSON needs it: records' components in UpperCamelCase, strictly typed numbers. */
final class RekognitionJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            // a MaxLabels of "5" is a wrong type to Rekognition, not a number
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // fields this endpoint does not use, such as Features and Settings
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Image.Bytes decoded as java.util.Base64 decodes it, padding optional
            .defaultBase64Variant(
                    Base64Variants.MIME_NO_LINEFEEDS.withReadPadding(PaddingReadBehaviour.PADDING_ALLOWED))
            .build();

    private RekognitionJson() {
    }
}
