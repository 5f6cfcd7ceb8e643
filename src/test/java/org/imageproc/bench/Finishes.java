package org.imageproc.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which run finished each upload, by the processes' logs, held against the run its item names: an upload finished by
 * no run, by more than one, or by another run than the item's is a problem.
 *
 * @param started    runs of these uploads started in all the logs
 * @param finishedBy how many of the uploads each process finished
 * @param twice      uploads more than one run finished, with the processes
 * @param unlogged   uploads no run logged as finished
 * @param otherRun   uploads whose item names another run than the one that logged finishing it
 */
record Finishes(int started, Map<String, Integer> finishedBy, List<String> twice, List<String> unlogged,
        List<String> otherRun) {

    /** @param itemRuns each upload's executionId as its item says, by image id (absent: no item) */
    static Finishes of(List<String> ids, List<RunLog> logs, Map<String, String> itemRuns) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, List<RunLog.Run>> finishes = new LinkedHashMap<>();
        Map<String, List<String>> processes = new LinkedHashMap<>();
        Map<String, Integer> finishedBy = new TreeMap<>();
        int started = 0;
        for (RunLog log : logs) {
            finishedBy.put(log.process(), 0);
            started += (int) log.started().stream().filter(run -> wanted.contains(run.imageId())).count();
            for (RunLog.Run run : log.succeeded()) {
                if (wanted.contains(run.imageId())) {
                    finishes.computeIfAbsent(run.imageId(), id -> new ArrayList<>()).add(run);
                    processes.computeIfAbsent(run.imageId(), id -> new ArrayList<>()).add(log.process());
                    finishedBy.merge(log.process(), 1, Integer::sum);
                }
            }
        }
        List<String> twice = new ArrayList<>();
        List<String> unlogged = new ArrayList<>();
        List<String> otherRun = new ArrayList<>();
        for (String id : ids) {
            List<RunLog.Run> runs = finishes.getOrDefault(id, List.of());
            if (runs.size() > 1) {
                twice.add(id + " by " + processes.get(id));
            } else if (runs.isEmpty()) {
                unlogged.add(id);
            } else if (itemRuns.containsKey(id) && !runs.get(0).executionId().equals(itemRuns.get(id))) {
                otherRun.add(id + ": logged " + runs.get(0).executionId() + ", item names " + itemRuns.get(id));
            }
        }
        return new Finishes(started, finishedBy, twice, unlogged, otherRun);
    }
}
