package org.rehabmap.ingest;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The cheap first pass: every landing file's sha256, streamed in a task of its own, so the driver can
 * decide which files are known, duplicates or new before any file is parsed, without reading one byte.
 */
final class FileHashes {
    static final StructType PATHS = new StructType().add("path", DataTypes.StringType, false);
    static final StructType HASHES =
            new StructType().add("path", DataTypes.StringType, false).add("sha256", DataTypes.StringType, false);

    private FileHashes() {}

    /** sha256 by path. */
    static Map<String, String> of(SparkSession spark, List<String> paths, Broadcast<SerializableConfiguration> conf) {
        Map<String, String> sha = new HashMap<>();
        if (paths.isEmpty()) {
            return sha;
        }
        List<Row> rows = new ArrayList<>();
        for (String p : paths) {
            rows.add(RowFactory.create(p));
        }
        List<Row> out = LandingTasks.described(
                spark,
                "ingest: sha256 of " + paths.size() + " landing file(s)",
                () -> LandingTasks.onePerPartition(spark, rows, PATHS)
                        .mapPartitions(new Hash(conf), Encoders.row(HASHES))
                        .collectAsList());
        for (Row r : out) {
            sha.put(r.getString(0), r.getString(1));
        }
        return sha;
    }

    static String sha256(String path, org.apache.hadoop.conf.Configuration hadoop) throws IOException {
        Path p = new Path(URI.create(path));
        try (InputStream in = p.getFileSystem(hadoop).open(p)) {
            return DigestUtils.sha256Hex(in);
        }
    }

    /** In the task: each path's bytes streamed through the digest, never held. */
    static final class Hash implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<SerializableConfiguration> conf;

        Hash(Broadcast<SerializableConfiguration> conf) {
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> in) {
            List<Row> out = new ArrayList<>();
            while (in.hasNext()) {
                String path = in.next().getString(0);
                try {
                    out.add(RowFactory.create(path, sha256(path, conf.value().value())));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read landing file " + path + ": " + e.getMessage(), e);
                }
            }
            return out.iterator();
        }
    }
}
