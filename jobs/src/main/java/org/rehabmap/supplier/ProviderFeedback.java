package org.rehabmap.supplier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one provider is told: the files of their latest delivery and what became of their rows, the rows
 * refused by each rule with row numbers, how complete their optional columns are (and were in the delivery
 * before), their returns that are late or missing, and every delivery so far. Built from {@link Deliveries}
 * restricted to the provider's own rows, so nothing of another provider can reach it.
 *
 * <p>A delivery is the files of theirs that one ingest run brought.
 */
public record ProviderFeedback(
        String provider,
        List<Delivery> deliveries,
        List<BadRow> badRows,
        List<Schedule> schedule,
        Map<String, List<String>> optionalColumns) {

    /** One of the provider's files in a delivery, with their rows only. */
    public record FileLine(Deliveries.FileRecord file, long rows, long accepted, long quarantined) {}

    /** One delivery: its files and, per source, rows accepted, quarantined and filled per optional column. */
    public record Delivery(String runId, LocalDate received, List<FileLine> files, Map<String, SourceTotals> bySource) {
        public long accepted() {
            return files.stream().mapToLong(FileLine::accepted).sum();
        }

        public long quarantined() {
            return files.stream().mapToLong(FileLine::quarantined).sum();
        }
    }

    /** @param filled optional column → accepted rows filling it in */
    public record SourceTotals(long accepted, long quarantined, Map<String, Long> filled) {
        /** % of accepted rows that fill the column in, or null when none was accepted. */
        public Double completeness(String column) {
            Long f = filled.get(column);
            return accepted == 0 || f == null ? null : Math.round(f * 1000.0 / accepted) / 10.0;
        }

        public Double quarantinedPct() {
            long all = accepted + quarantined;
            return all == 0 ? null : Math.round(quarantined * 1000.0 / all) / 10.0;
        }
    }

    /** A refused row of the latest delivery. */
    public record BadRow(
            String source, String fileName, long rowNumber, String ruleId, List<String> ruleIds, String reason) {}

    /** A return judged against the schedule (gold.data_quality), late or missing. */
    public record Schedule(
            String source,
            String period,
            String timeliness,
            LocalDate dueDate,
            LocalDate firstReceived,
            Integer daysOverdue) {}

    public Delivery latest() {
        return deliveries.isEmpty() ? null : deliveries.get(deliveries.size() - 1);
    }

    public Delivery previous() {
        return deliveries.size() < 2 ? null : deliveries.get(deliveries.size() - 2);
    }

    /** The feedback of one provider: only rows whose provider is {@code provider} are read. */
    public static ProviderFeedback of(String provider, Deliveries d, List<Schedule> schedule) {
        Map<String, List<Deliveries.ProviderFile>> byRun = new LinkedHashMap<>();
        List<Deliveries.ProviderFile> mine = d.providerFiles().stream()
                .filter(p -> p.provider().equals(provider))
                .sorted(java.util.Comparator.comparingLong(
                        p -> d.files().get(p.sha256()).seq()))
                .toList();
        for (Deliveries.ProviderFile p : mine) {
            byRun.computeIfAbsent(d.files().get(p.sha256()).runId(), k -> new ArrayList<>())
                    .add(p);
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (Map.Entry<String, List<Deliveries.ProviderFile>> e : byRun.entrySet()) {
            List<FileLine> lines = new ArrayList<>();
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Map<String, Long>> filled = new LinkedHashMap<>();
            LocalDate received = null;
            for (Deliveries.ProviderFile p : e.getValue()) {
                Deliveries.FileRecord f = d.files().get(p.sha256());
                received = received == null || f.received().isBefore(received) ? f.received() : received;
                lines.add(new FileLine(f, p.rows(), p.accepted(), p.quarantined()));
                long[] c = counts.computeIfAbsent(f.source(), k -> new long[2]);
                c[0] += p.accepted();
                c[1] += p.quarantined();
                Map<String, Long> fl = filled.computeIfAbsent(f.source(), k -> new LinkedHashMap<>());
                p.filled().forEach((k, v) -> fl.merge(k, v, Long::sum));
            }
            Map<String, SourceTotals> bySource = new LinkedHashMap<>();
            counts.forEach((s, c) -> bySource.put(s, new SourceTotals(c[0], c[1], filled.get(s))));
            deliveries.add(new Delivery(e.getKey(), received, List.copyOf(lines), bySource));
        }
        List<BadRow> bad = new ArrayList<>();
        if (!deliveries.isEmpty()) {
            java.util.Set<String> latest = new java.util.HashSet<>();
            deliveries
                    .get(deliveries.size() - 1)
                    .files()
                    .forEach(l -> latest.add(l.file().sha256()));
            for (Deliveries.BadRow b : d.badRows()) {
                if (b.provider().equals(provider) && latest.contains(b.sha256())) {
                    Deliveries.FileRecord f = d.files().get(b.sha256());
                    bad.add(new BadRow(f.source(), f.fileName(), b.rowNumber(), b.ruleId(), b.ruleIds(), b.reason()));
                }
            }
        }
        // in delivery order: file by file as received, row by row within a file
        Map<String, Long> seqByName = new LinkedHashMap<>();
        d.files().values().forEach(f -> seqByName.putIfAbsent(f.source() + "/" + f.fileName(), f.seq()));
        bad.sort(java.util.Comparator.comparing(
                        (BadRow r) -> seqByName.getOrDefault(r.source() + "/" + r.fileName(), 0L))
                .thenComparingLong(BadRow::rowNumber));
        return new ProviderFeedback(provider, List.copyOf(deliveries), List.copyOf(bad), schedule, d.optionalColumns());
    }
}
