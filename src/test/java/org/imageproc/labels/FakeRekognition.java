package org.imageproc.labels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsRequest;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;

/** Stands for Rekognition in route tests: DetectLabels answers what it was given and keeps every request. */
final class FakeRekognition implements RekognitionClient {

    private final DetectLabelsResponse answer;
    private final List<DetectLabelsRequest> requests = new CopyOnWriteArrayList<>();

    FakeRekognition(DetectLabelsResponse answer) {
        this.answer = answer;
    }

    List<DetectLabelsRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public DetectLabelsResponse detectLabels(DetectLabelsRequest request) {
        requests.add(request);
        return answer;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
