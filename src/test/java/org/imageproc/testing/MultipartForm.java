package org.imageproc.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser's FormData sends it: text fields in order, then the file named "file". */
public record MultipartForm(String contentType, byte[] body) {

    public static MultipartForm of(Map<String, String> fields, byte[] file) {
        String boundary = "----imageproc" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return new MultipartForm("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
