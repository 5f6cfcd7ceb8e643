package org.imageproc.aws;

import java.util.OptionalInt;

/**
 * Starts a {@link LocalStack}; found with {@link java.util.ServiceLoader}, so a build without the local stack (the
 * lean jar) has none and local mode says so.
 */
public interface LocalStackLauncher {

    /**
     * Starts the servers on the settings' data, with a Rekognition DetectLabels server when a port is given (0: a free
     * one); {@code ledger} tells the startup sweep which stored uploads are already processed.
     */
    LocalStack start(LocalStackSettings settings, OptionalInt rekognitionPort, UploadLedger ledger);
}
