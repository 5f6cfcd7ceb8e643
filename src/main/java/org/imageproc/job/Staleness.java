package org.imageproc.job;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Whether a photo needs another run for a "missing" reprocess: it did not succeed, it has no thumbnail or (labels
 * being on) no labels, or its run used an older label model or another thumbnail size than the service uses now.
 */
final class Staleness {

    /** What the photo's last run left on its item. */
    record ItemState(String status, boolean hasThumbnail, String labelModelVersion, Integer thumbnailMaxSize) {
    }

    /** What runs use now: the newest label model any photo was labelled with, and the thumbnail size. */
    record Current(boolean labels, String labelModelVersion, int thumbnailMaxSize) {

        /** The newest of the versions seen (numbers compared part by part: 3.10 is newer than 3.9). */
        static String newest(List<String> versions) {
            return versions.stream().filter(Objects::nonNull).max(VERSIONS).orElse(null);
        }
    }

    private static final Comparator<String> VERSIONS = Staleness::compareVersions;

    private Staleness() {
    }

    static boolean needsRun(ItemState item, Current current) {
        if (!"SUCCEEDED".equals(item.status()) || !item.hasThumbnail()) {
            return true;
        }
        if (!Objects.equals(item.thumbnailMaxSize(), current.thumbnailMaxSize())) {
            return true;
        }
        if (!current.labels()) {
            return false;
        }
        return item.labelModelVersion() == null || (current.labelModelVersion() != null
                && compareVersions(item.labelModelVersion(), current.labelModelVersion()) < 0);
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("[.]");
        String[] right = b.split("[.]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String x = i < left.length ? left[i] : "0";
            String y = i < right.length ? right[i] : "0";
            int order = x.matches("\\d{1,9}") && y.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x), Integer.parseInt(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
