package com.tierupgrade.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rule files shipped in rules/, read or copied so a test can change them without touching the originals. */
public final class ShippedRules {

    private static final Path DIRECTORY = Path.of("rules");

    private ShippedRules() {
    }

    /** Every file of rules/ by name. The map is modifiable. */
    public static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(DIRECTORY)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A temporary folder holding the given files; names may include a folder, as in scenarios/a.yaml. */
    public static Path writeTo(Map<String, String> files) {
        try {
            return writeTo(Files.createTempDirectory("rules-copy"), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files into {@code directory}, creating folders as needed. */
    public static Path writeTo(Path directory, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = directory.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped scenario files, named scenarios/&lt;file&gt;. */
    public static Map<String, String> scenarioFiles() {
        Map<String, String> files = new TreeMap<>();
        Path folder = DIRECTORY.resolve("scenarios");
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put("scenarios/" + path.getFileName(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The shipped files with the parameter {@code name} set to {@code value} in parameters.yaml. */
    public static Map<String, String> withParameter(String name, String value) {
        Map<String, String> files = files();
        String original = files.get("parameters.yaml");
        String edited = original.replaceFirst("(?m)^(" + Pattern.quote(name) + ":\\s*).*$", "$1" + value);
        if (edited.equals(original)) {
            throw new IllegalStateException("No parameter " + name + " in parameters.yaml");
        }
        files.put("parameters.yaml", edited);
        return files;
    }

    /** The shipped files with {@code from} replaced by {@code to} in one file. */
    public static Map<String, String> withEdit(String file, String from, String to) {
        Map<String, String> files = files();
        String original = files.get(file);
        if (!original.contains(from)) {
            throw new IllegalStateException("'" + from + "' not found in " + file);
        }
        files.put(file, original.replace(from, to));
        return files;
    }
}
