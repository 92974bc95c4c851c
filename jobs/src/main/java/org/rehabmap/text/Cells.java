package org.rehabmap.text;

import scala.collection.Iterable;

/** How a Spark value prints in CSV and text tables. */
public final class Cells {
    private Cells() {}

    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return (d == Math.rint(d) && Math.abs(d) < 1e15) ? String.valueOf(d.longValue()) : d.toString();
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it = m.iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> t = it.next();
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(text(t._1())).append('=').append(text(t._2()));
            }
            return b.append('}').toString();
        }
        if (v instanceof Iterable<?> seq) {
            StringBuilder b = new StringBuilder();
            scala.collection.Iterator<?> it = seq.iterator();
            while (it.hasNext()) {
                if (!b.isEmpty()) {
                    b.append(';');
                }
                b.append(text(it.next()));
            }
            return b.toString();
        }
        return v.toString();
    }
}
