package org.imageproc.local;

import java.util.OptionalInt;

import org.imageproc.aws.LocalStack;
import org.imageproc.aws.LocalStackLauncher;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.aws.UploadLedger;

/** Plugs the embedded stack into local mode (registered in {@code META-INF/services}). */
public final class EmbeddedStackLauncher implements LocalStackLauncher {

    @Override
    public LocalStack start(LocalStackSettings settings, OptionalInt rekognitionPort, UploadLedger ledger) {
        return LocalAwsStack.start(settings, rekognitionPort, ledger);
    }
}
