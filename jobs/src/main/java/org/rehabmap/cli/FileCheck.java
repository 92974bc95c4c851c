package org.rehabmap.cli;

import org.apache.spark.sql.Row;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.PseudonymKey;
import org.rehabmap.conform.BronzeText;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.ingest.BronzeRowBuilder;
import org.rehabmap.ingest.DeliveredFileReader;
import org.rehabmap.ingest.FileRejected;
import org.rehabmap.ingest.ParsedTable;
import org.rehabmap.ingest.Pseudonymiser;
import org.rehabmap.rules.CheckedRow;
import org.rehabmap.rules.Failure;
import org.rehabmap.rules.RuleBook;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One file checked against its source's contract as a run would check it, with nothing written and no
 * Spark: ingest's reader decides whether the file is taken at all (and with which header), ingest's row
 * builder makes its rows, and conform's rule book checks them, the rules across rows over the file's rows.
 * The rows are pseudonymised with a key made for this check and thrown away, so an NHS number that
 * strayed into another cell is masked in every reason, and no one can recompute it.
 */
final class FileCheck {
    enum Status {
        ACCEPTED("accepted"),
        ROWS_QUARANTINED("rows_quarantined"),
        REJECTED("rejected");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    /** One broken rule on one row; the row number is where a person finds the row (the header is row 1). */
    record Finding(long rowNumber, String ruleId, String reason) {}

    /**
     * @param source the contract the file was checked against; null when none could be chosen
     * @param rejection why the whole file would be rejected, or null
     * @param findings every rule each failing row breaks, row by row, in the order the rules run
     */
    record Result(
            String file,
            String source,
            String contractVersion,
            Status status,
            long rowsRead,
            long rowsAccepted,
            List<Finding> findings,
            String rejection) {
        static Result rejected(String file, Contract contract, String reason) {
            return new Result(
                    file,
                    contract == null ? null : contract.name(),
                    contract == null ? null : contract.version(),
                    Status.REJECTED,
                    0,
                    0,
                    List.of(),
                    reason);
        }
    }

    private final Map<String, Contract> contracts;
    private final ReferenceData reference;
    private final Collection<String> extensions;
    private final LocalDate asOf;
    private final Pseudonymiser masker;

    FileCheck(Map<String, Contract> contracts, ReferenceData reference, Collection<String> extensions, LocalDate asOf) {
        this.contracts = contracts;
        this.reference = reference;
        this.extensions = extensions;
        this.asOf = asOf;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.masker = new Pseudonymiser(new PseudonymKey(key, false));
    }

    /** Checks a file's bytes against the named source's contract, or the one its header fits when source is null. */
    Result check(String fileName, byte[] bytes, String source) {
        if (source != null && !contracts.containsKey(source)) {
            throw new ConfigError("no contract for source '" + source + "': the sources are "
                    + String.join(", ", contracts.keySet()));
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!extensions.contains(ext)) {
            return Result.rejected(
                    fileName,
                    source == null ? null : contracts.get(source),
                    "ingest reads only ." + String.join(" and .", extensions)
                            + " files: this one would be left in the landing folder unread");
        }
        Map<String, Object> read = new LinkedHashMap<>();
        for (Contract c : source == null ? contracts.values() : List.of(contracts.get(source))) {
            try {
                read.put(c.name(), DeliveredFileReader.read(fileName, bytes, c));
            } catch (FileRejected e) {
                read.put(c.name(), e.getMessage());
            }
        }
        String chosen = source != null ? source : SourceGuess.choose(read);
        if (chosen == null) {
            return Result.rejected(fileName, null, SourceGuess.why(read));
        }
        Contract contract = contracts.get(chosen);
        if (read.get(chosen) instanceof String reason) {
            return Result.rejected(fileName, contract, reason);
        }
        return rows(fileName, contract, (ParsedTable) read.get(chosen));
    }

    private Result rows(String fileName, Contract contract, ParsedTable table) {
        BronzeRowBuilder builder = new BronzeRowBuilder(contract, masker);
        List<String> names;
        try {
            names = builder.checkHeader(table.header());
        } catch (FileRejected e) {
            return Result.rejected(fileName, contract, e.getMessage());
        }
        List<Row> bronze = builder.build(table, names, "check", fileName, "check", 0, new Timestamp(0));
        BronzeText text = BronzeText.of(contract, BronzeSchema.forContract(contract));
        RuleBook book = RuleBook.of(contract, reference, asOf);
        List<CheckedRow> checked = new ArrayList<>(bronze.size());
        for (Row r : bronze) {
            checked.add(book.check(text.read(r)));
        }
        book.checkGroups(checked);
        List<Finding> findings = new ArrayList<>();
        long failing = 0;
        for (int i = 0; i < checked.size(); i++) {
            List<Failure> f = checked.get(i).failures();
            if (!f.isEmpty()) {
                failing++;
            }
            long rowNumber = table.rows().get(i).rowNumber();
            for (Failure x : f) {
                // sources without identifiers are not scrubbed at ingest; nothing shaped like an NHS number is printed
                findings.add(new Finding(rowNumber, x.ruleId(), masker.scrub(x.reason())));
            }
        }
        return new Result(
                fileName,
                contract.name(),
                contract.version(),
                failing == 0 ? Status.ACCEPTED : Status.ROWS_QUARANTINED,
                checked.size(),
                checked.size() - failing,
                List.copyOf(findings),
                null);
    }
}
