package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the n-th upload of a load run sends: mostly generated small photos, and every k-th one a photo of the corpus
 * (12 MP JPEGs, camera originals, PNGs), in turn.
 */
final class PhotoMix {

    /** One upload's content; {@code kind} is "generated" or the corpus folder, {@code name} ends the image id. */
    record Photo(String kind, String name, byte[] bytes) {
    }

    private final List<byte[]> generated;
    private final List<CorpusFile> corpus;
    private final int corpusEvery;

    private record CorpusFile(String folder, Path file) {
    }

    private PhotoMix(List<byte[]> generated, List<CorpusFile> corpus, int corpusEvery) {
        this.generated = generated;
        this.corpus = corpus;
        this.corpusEvery = corpusEvery;
    }

    /**
     * @param distinct    how many different generated photos to cycle through
     * @param corpusEvery every this many uploads one is from the corpus; 0 for none
     */
    static PhotoMix of(int distinct, Path corpus, int corpusEvery) throws IOException {
        List<CorpusFile> files = corpusEvery == 0 ? List.of() : CorpusFolder.list(corpus).stream()
                .flatMap(folder -> folder.files().stream().map(file -> new CorpusFile(folder.name(), file)))
                .toList();
        return new PhotoMix(GeneratedPhotos.make(distinct), files, corpusEvery);
    }

    Photo photo(int index) throws IOException {
        if (corpusEvery > 0 && index % corpusEvery == corpusEvery - 1) {
            CorpusFile file = corpus.get(index / corpusEvery % corpus.size());
            return new Photo(file.folder(), file.folder() + "-" + file.file().getFileName(),
                    Files.readAllBytes(file.file()));
        }
        return new Photo("generated", "generated.jpg", generated.get(index % generated.size()));
    }

    /** "9,500 generated photos (100 different) and 500 from the corpus" for {@code count} uploads. */
    String describe(int count) {
        int fromCorpus = corpusEvery == 0 ? 0 : count / corpusEvery;
        return String.format(Locale.ROOT, "%,d generated JPEGs of 640×480 to 1280×960 (%d different, %d KB on"
                + " average) and %,d corpus photos (one upload in %d: the %d files in turn)", count - fromCorpus, generated.size(),
                generated.stream().mapToInt(bytes -> bytes.length).sum() / generated.size() / 1024, fromCorpus,
                corpusEvery, corpus.size());
    }
}
