package org.imageproc.local;

import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** A failure told in one line for a person: its own message and, after it, the deepest cause's, never "null". */
final class Causes {

    private Causes() {
    }

    static String describe(Throwable failure) {
        List<String> messages = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable deepest = failure;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            deepest = t;
            String message = message(t);
            // new Exception(cause) takes the cause's toString() as its message: nothing of its own to say
            boolean onlyWraps = t.getCause() != null && t.getCause().toString().equals(message);
            if (message != null && !message.isBlank() && !onlyWraps) {
                messages.add(message.strip());
            }
        }
        if (messages.isEmpty()) {
            return deepest.getClass().getName();
        }
        String first = messages.get(0);
        String last = messages.get(messages.size() - 1);
        return first.contains(last) ? first : first + ": " + last;
    }

    /** File system failures often say only which file; their type says what went wrong with it. */
    private static String message(Throwable t) {
        return t instanceof FileSystemException e && e.getReason() == null
                ? t.getClass().getSimpleName() + ": " + t.getMessage()
                : t.getMessage();
    }
}
