package org.imageproc.detector.ort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Build step (the Maven build runs it): writes the TFJS graph model as the ONNX model the detector loads. */
public final class ConvertModel {

    private ConvertModel() {
    }

    /** Arguments: model.json, its weights file, the ONNX file to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: ConvertModel model.json weights.bin model.onnx");
        }
        TfjsToOnnx.Converted onnx;
        try (InputStream json = Files.newInputStream(Path.of(args[0]));
             InputStream weights = Files.newInputStream(Path.of(args[1]))) {
            onnx = TfjsToOnnx.convert(TfjsModel.read(json, weights));
        }
        Path target = Path.of(args[2]);
        Files.createDirectories(target.getParent());
        Files.write(target, onnx.model());
    }
}
