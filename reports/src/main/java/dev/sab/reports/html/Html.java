package dev.sab.reports.html;

import java.util.List;

/**
 * A small writer of HTML: text is escaped on the way in, tables are built from rows of cells.
 * Every value from a results file (a scheduler spec, an error message, a command line) passes
 * through {@link #escape}, so a result can never inject markup into the report.
 */
final class Html {
    /** For {@link #table}: no column is numeric (none is right-aligned). */
    static final int NO_NUMBERS = Integer.MAX_VALUE;

    private final StringBuilder out = new StringBuilder(1 << 16);

    /** {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as entities; null as the empty string. */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder e = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && e == null) {
                e = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (e != null) {
                if (rep != null) {
                    e.append(rep);
                } else {
                    e.append(c);
                }
            }
        }
        return e == null ? s : e.toString();
    }

    /** Appends markup as it is: only for markup this package wrote. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends {@code value} escaped. */
    Html text(Object value) {
        out.append(escape(value));
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    Html element(String tag, Object text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tagName(tag)).append('>');
        return this;
    }

    /**
     * A table: a header row, then rows of cells. Cells are escaped; a {@link Cell} carries its own
     * markup, class and tooltip. Columns from {@code firstNumeric} on are right-aligned.
     */
    Html table(String cssClass, List<?> header, List<? extends List<?>> rows, int firstNumeric) {
        out.append("<div class=\"scroll\"><table class=\"").append(cssClass).append("\"><thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            out.append(c >= firstNumeric ? "<th class=\"num\">" : "<th>");
            cell(header.get(c));
            out.append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (List<?> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                String cls = (c >= firstNumeric ? "num" : "") + (v instanceof Cell cell && cell.cssClass() != null
                        ? (c >= firstNumeric ? " " : "") + cell.cssClass() : "");
                out.append(cls.isEmpty() ? "<td" : "<td class=\"" + cls + "\"");
                if (v instanceof Cell cell && cell.title() != null) {
                    out.append(" title=\"").append(escape(cell.title())).append('"');
                }
                out.append('>');
                cell(v);
                out.append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>\n");
        return this;
    }

    private void cell(Object v) {
        if (v instanceof Cell cell) {
            out.append(cell.markup());
        } else {
            out.append(escape(v));
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String tagName(String tag) {
        int space = tag.indexOf(' ');
        return space < 0 ? tag : tag.substring(0, space);
    }

    /**
     * A table cell with markup of this package's making, an optional class and an optional
     * tooltip.
     */
    record Cell(String markup, String cssClass, String title) {
        static Cell text(Object text, String cssClass, String title) {
            return new Cell(escape(text), cssClass, title);
        }

        static Cell markup(String markup) {
            return new Cell(markup, null, null);
        }
    }
}
