package rnnscratch.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rnnscratch.UserException;

/**
 * Comma-separated values as RFC 4180 defines them: one record per line, fields separated by commas; a field that
 * contains a comma, a double quote, a line break, or that is the only and empty field of its record is written in
 * double quotes, with each inner quote doubled ({@code say "hi"} becomes {@code "say ""hi"""}). Lines end with
 * {@code \n}; {@code \r\n} is accepted when reading.
 *
 * <p>Docs: docs/file-formats.md
 */
public final class Csv {
    private Csv() {}

    /** One record as a line of text, without the line terminator. */
    public static String formatRow(List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            return "\"\"";
        }
        var line = new StringBuilder();
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                line.append(',');
            }
            String field = fields.get(k);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }

    /**
     * The records of a CSV text, the header (if any) first. An empty text has no records; an empty line is a record
     * with one empty field.
     *
     * @throws IllegalArgumentException if a quoted field is never closed or a quote is followed by something other
     *                                  than a comma or a line end
     */
    public static List<List<String>> parse(String text) {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                int close = i + 1;
                while (true) {
                    int quote = text.indexOf('"', close);
                    if (quote < 0) {
                        throw new IllegalArgumentException("Csv.parse: a quoted field opened at character " + i
                                + " is never closed");
                    }
                    field.append(text, close, quote);
                    if (quote + 1 < n && text.charAt(quote + 1) == '"') {
                        field.append('"');
                        close = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("Csv.parse: a quoted field is followed by '" + text.charAt(i)
                            + "' at character " + i + " instead of a comma or a line end");
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\n' || c == '\r') {
                record.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(record));
                record.clear();
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                field.append(c);
                i++;
            }
        }
        if (field.length() > 0 || !record.isEmpty() || (n > 0 && text.charAt(n - 1) == '"')) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        return records;
    }

    /**
     * Reads a CSV file (UTF-8).
     *
     * @throws UserException if the file cannot be read or is not valid CSV
     */
    public static List<List<String>> read(Path file) {
        var source = FileProblems.of(file, "CSV file", "re-create it or use another file");
        source.requireRegularFile();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw source.corrupt(e.getMessage(), e);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw source.unreadable(e);
        }
    }
}
