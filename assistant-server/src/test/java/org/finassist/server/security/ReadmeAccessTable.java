package org.finassist.server.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The "Who may call what" table of README.md: one row per endpoint, one ✓/· cell per {@link Grantee}. */
record ReadmeAccessTable(List<Grantee> columns, List<Row> rows) {

    /** {@code GET /api/kb/{id}/documents} with its cells. */
    record Row(String method, String template, Map<Grantee, Boolean> cells) {

        /** The template with every {@code {placeholder}} replaced by an id that exists nowhere. */
        String samplePath() {
            return template.replace("{symbol}", "600000").replaceAll("\\{[a-z]+}", "999999");
        }
    }

    static ReadmeAccessTable read() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("pom.xml"))
                && Files.readString(dir.resolve("pom.xml")).contains("<modules>"))) {
            dir = dir.getParent(); // the project root: the parent pom lists the modules
        }
        List<String> lines = Files.readAllLines(dir.resolve("README.md"));
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| endpoint | anonymous |")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new IllegalStateException("README.md has no access table");
        }
        List<Grantee> columns = cells(lines.get(header)).stream().skip(1)
                .map(c -> Grantee.byColumn(c).orElseThrow(() -> new IllegalStateException("column " + c))).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> c = cells(lines.get(i));
            String[] endpoint = c.getFirst().replace("`", "").split(" ", 2);
            Map<Grantee, Boolean> cells = new TreeMap<>();
            for (int k = 0; k < columns.size(); k++) {
                cells.put(columns.get(k), "✓".equals(c.get(k + 1)));
            }
            rows.add(new Row(endpoint[0], endpoint[1], cells));
        }
        return new ReadmeAccessTable(columns, rows);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }
}
