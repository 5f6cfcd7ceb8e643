package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The key-to-file naming on its own: one path a key, inside the bucket, within file-name limits, and back again. */
class StoredKeysTest {

    private static final Path BUCKET = Path.of("/data/s3-objects/photo-repo");

    @Test
    void everyKeyHasAPathOfItsOwnInsideTheBucketThatNamesItBack() {
        List<String> keys = new ArrayList<>(OpaqueKeysIT.WEIRD_KEYS);
        keys.addAll(List.of("../../../../etc/passwd", "a\\..\\b", "C:\\x", "a\u0000b", "\t", "~", "A", "ab".repeat(32),
                "ab".repeat(32) + "c", "x".repeat(64), "x".repeat(65), "x".repeat(128)));
        Random random = new Random(9);
        for (int i = 0; i < 2000; i++) {
            keys.add(randomKey(random));
        }
        Map<Path, String> owners = new HashMap<>();
        Set<Path> levels = new HashSet<>();

        for (String key : keys) {
            String name = StoredKeys.name(key);
            Path file = BUCKET.resolve(name);

            assertThat(StoredKeys.key(name)).as(key).contains(key);
            assertThat(file.normalize()).as(key).isEqualTo(file).startsWithRaw(BUCKET);
            assertThat(name).as(key).matches("([0-9a-f]{128}/){0,15}[0-9a-f]{2,128}\\.obj");
            for (Path level : BUCKET.relativize(file)) {
                assertThat(level.toString().length()).isLessThanOrEqualTo(132);
            }
            String previous = owners.put(file, key);
            assertThat(previous == null || previous.equals(key)).as(key + " and " + previous).isTrue();
            for (Path level = file.getParent(); !level.equals(BUCKET); level = level.getParent()) {
                levels.add(level);
            }
        }
        // no object's file is a directory another object's file lies in
        assertThat(owners.keySet()).doesNotContainAnyElementsOf(levels);
    }

    @Test
    void aPrefixIsNamedAsTheStartOfTheNamesOfTheKeysItStarts() {
        for (String key : List.of("Incoming/photo.jpg", "x".repeat(64) + "y", "x".repeat(200), "é€😀")) {
            for (int end = 0; end <= key.length(); end++) {
                if (end > 0 && Character.isHighSurrogate(key.charAt(end - 1))) {
                    continue;
                }
                assertThat(StoredKeys.name(key)).startsWith(StoredKeys.namePrefix(key.substring(0, end)).orElseThrow());
            }
        }
        assertThat(StoredKeys.namePrefix(OpaqueKeysIT.keyOfBytes(1025))).isEmpty();
        assertThat(StoredKeys.namePrefix(null)).contains("");
    }

    @Test
    void namesTheStoreDidNotGiveStandForNoKey() {
        String name = StoredKeys.name("Incoming/a.jpg");
        for (String other : List.of(name.toUpperCase().replace(".OBJ", ".obj"), name + "-5f0c2a", name.replace(".obj", ""),
                "Incoming/a.jpg", "61.obj/62.obj", "6.obj", "zz.obj", "ff.obj", ".obj", "6162/63.obj",
                "61".repeat(64) + ".obj/62.obj")) {
            assertThat(StoredKeys.key(other)).as(other).isEmpty();
        }
    }

    @Test
    void keysS3RefusesAreRefusedWithItsErrors() {
        assertThat(StoredKeys.name(OpaqueKeysIT.keyOfBytes(1024))).isNotEmpty();
        assertThatThrownBy(() -> StoredKeys.name(OpaqueKeysIT.keyOfBytes(1025)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError");
                });
        assertThatThrownBy(() -> StoredKeys.name("a\uD800b")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> StoredKeys.name("")).isInstanceOf(S3Exception.class);
    }

    private static String randomKey(Random random) {
        String[] pieces = {"/", "//", ".", "..", "../", "./", "a", "Z", "é", "😀", "%2F", "+", " ", "\u0001", "x".repeat(63)};
        StringBuilder key = new StringBuilder();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            key.append(pieces[random.nextInt(pieces.length)]);
        }
        while (key.toString().getBytes(StandardCharsets.UTF_8).length > StoredKeys.MAX_KEY_BYTES) {
            key.setLength(key.length() / 2);
            if (Character.isHighSurrogate(key.charAt(key.length() - 1))) {
                key.setLength(key.length() - 1);
            }
        }
        return key.toString();
    }
}
