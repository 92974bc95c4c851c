package org.rehabmap.publish;

/**
 * The colours of a comparison with London, as Fingertips shows them, shared by the workbook and
 * the report so both read the same way.
 */
public enum Significance {
    BETTER("better", "92D050", "1D3D00", "Better than London"),
    SIMILAR("similar", "FFC000", "3D2E00", "Similar to London"),
    WORSE("worse", "C00000", "FFFFFF", "Worse than London"),
    LOWER("lower", "BED2FF", "10284D", "Lower than London (no judgement)"),
    HIGHER("higher", "3260C4", "FFFFFF", "Higher than London (no judgement)"),
    NOT_COMPARED("not_compared", "E8EDEE", "212B32", "Not compared");

    public final String code;
    public final String fill;
    public final String text;
    public final String label;

    Significance(String code, String fill, String text, String label) {
        this.code = code;
        this.fill = fill;
        this.text = text;
        this.label = label;
    }

    public static Significance of(Object code) {
        if (code == null) {
            return NOT_COMPARED;
        }
        for (Significance s : values()) {
            if (s.code.equals(code.toString())) {
                return s;
            }
        }
        return NOT_COMPARED;
    }
}
