package org.imageproc.detector.ort;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The ONNX Runtime session options the detector runs with: its threads, and memory kept no larger than needed. */
final class SessionSettings {

    private SessionSettings() {
    }

    static OrtSession.SessionOptions options(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setMemoryPatternOptimization(Boolean.parseBoolean(System.getProperty("ort.pattern", "true")));
            options.setCPUArenaAllocator(Boolean.parseBoolean(System.getProperty("ort.arena", "true")));
            options.addConfigEntry("session.intra_op.allow_spinning", System.getProperty("ort.spin", "1"));
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
