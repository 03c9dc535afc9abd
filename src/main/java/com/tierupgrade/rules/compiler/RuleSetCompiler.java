package com.tierupgrade.rules.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import com.tierupgrade.facts.EventTypes;
import com.tierupgrade.rules.engine.CutOffDefinition;
import com.tierupgrade.rules.engine.Ladders;
import com.tierupgrade.rules.engine.RuleSet;

/**
 * Turns the files of a rules directory into a {@link RuleSet}, or refuses them with every problem found. Compiling
 * happens at run time so that marketers can change rules without a rebuild.
 */
public class RuleSetCompiler {

    private static final List<String> RULE_FILE_SUFFIXES = List.of(".drl", ".dsl", ".dslr");

    private final LaddersReader laddersReader = new LaddersReader();

    public RuleSet compile(Path directory) {
        return compile(directory.toString(), readFiles(directory));
    }

    /** Compiles rule files given by name and content; the name decides the kind of file. */
    public RuleSet compile(String source, Map<String, String> files) {
        List<RuleSetInvalid.Problem> problems = new ArrayList<>();
        Ladders ladders = null;
        if (!files.containsKey(Ladders.FILE)) {
            problems.add(new RuleSetInvalid.Problem(Ladders.FILE, 0, 0,
                    "missing: the dimensions (stage, tier …) and their values must be declared in this file"));
        } else {
            try {
                ladders = laddersReader.read(files.get(Ladders.FILE),
                        ParametersFile.values(files.getOrDefault(ParametersFile.NAME, "")));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleSetInvalid.Problem(Ladders.FILE, 0, 0, e.getMessage()));
            }
        }
        EventTypes events = null;
        if (!files.containsKey(EventTypes.FILE)) {
            problems.add(new RuleSetInvalid.Problem(EventTypes.FILE, 0, 0,
                    "missing: the event types (PURCHASE, VISIT …) and their fields must be declared in this file"));
        } else {
            try {
                events = EventsFile.read(files.get(EventTypes.FILE));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleSetInvalid.Problem(EventTypes.FILE, 0, 0, e.getMessage()));
            }
        }
        List<CutOffDefinition> cutOffs = List.of();
        if (files.containsKey(CutOffsFile.NAME) && events != null) {
            try {
                cutOffs = CutOffsFile.read(files.get(CutOffsFile.NAME), events);
            } catch (IllegalArgumentException e) {
                problems.add(new RuleSetInvalid.Problem(CutOffsFile.NAME, 0, 0, e.getMessage()));
            }
        }
        Map<String, String> ruleFiles = new TreeMap<>();
        files.forEach((name, content) -> {
            if (isRuleFile(name)) {
                ruleFiles.put(name, content);
            }
        });
        if (files.containsKey(ParametersFile.NAME)) {
            try {
                ruleFiles.put(ParametersFile.GENERATED, ParametersFile.toDrl(files.get(ParametersFile.NAME)));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleSetInvalid.Problem(ParametersFile.NAME, 0, 0, e.getMessage()));
            }
        }
        if (ladders != null) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (DecisionTableFile.isTable(file.getKey())) {
                    ruleFiles.put(DecisionTableFile.generatedName(file.getKey()),
                            DecisionTableFile.toDslr(file.getKey(), file.getValue(), ladders, problems));
                }
            }
        }
        if (ruleFiles.isEmpty()) {
            problems.add(new RuleSetInvalid.Problem(source, 0, 0, "no rule files (*.drl, *.dslr) found"));
        }
        // Rules may call Java, so only the fact model and a small allow-list may appear in them; checked before
        // anything is compiled, and across files because a .dsl mapping and a .dslr sentence make code together.
        problems.addAll(RuleSafety.check(ruleFiles));
        if (ladders != null) {
            problems.addAll(LadderReferences.check(ruleFiles, ladders));
        }
        if (events != null && problems.isEmpty()) {
            problems.addAll(EventReferences.check(ruleFiles, events));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalid(source, problems);
        }
        String version = versionOf(files);
        return new RuleSet(version, build(source, version, ruleFiles).getKieBase(), ladders, events, cutOffs,
                Map.copyOf(files));
    }

    private KieContainer build(String source, String version, Map<String, String> ruleFiles) {
        KieServices kieServices = KieServices.Factory.get();
        ReleaseId releaseId = kieServices.newReleaseId("com.tierupgrade", "rules", version);
        KieFileSystem fileSystem = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        ruleFiles.forEach((name, content) -> fileSystem.write("src/main/resources/rules/" + name, content));

        // The rule compiler loads the fact classes through the context class loader; it must be the application's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleSetCompiler.class.getClassLoader());
        try {
            KieBuilder builder = kieServices.newKieBuilder(fileSystem).buildAll();
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new RuleSetInvalid(source, errors.stream().map(RuleSetCompiler::problemOf).toList());
            }
            KieContainer container = kieServices.newKieContainer(releaseId, RuleSetCompiler.class.getClassLoader());
            container.getKieBase();
            return container;
        } finally {
            // Each build has its own release id; drop it so compiled modules do not pile up in the repository.
            kieServices.getRepository().removeKieModule(releaseId);
            thread.setContextClassLoader(previous);
        }
    }

    private static RuleSetInvalid.Problem problemOf(Message message) {
        String path = message.getPath() == null ? "" : message.getPath();
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (file.equals(ParametersFile.GENERATED)) {
            file = ParametersFile.NAME;
        }
        file = DecisionTableFile.tableOf(file).orElse(file);
        return new RuleSetInvalid.Problem(file.isEmpty() ? "(rules)" : file, message.getLine(), message.getColumn(),
                message.getText().strip());
    }

    private static boolean isRuleFile(String name) {
        return RULE_FILE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The rule files, ladders, event types, parameters and cut-offs of a rules directory, by file name. */
    public static Map<String, String> readFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetInvalid(directory.toString(), List.of(new RuleSetInvalid.Problem(directory.toString(), 0,
                    0, "not a directory; set tierup.rules.directory to the folder that holds the rule files")));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (isRuleFile(name) || DecisionTableFile.isTable(name) || name.equals(Ladders.FILE)
                        || name.equals(EventTypes.FILE) || name.equals(ParametersFile.NAME)
                        || name.equals(CutOffsFile.NAME)) {
                    files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules directory " + directory, e);
        }
        return files;
    }

    /** The version is a hash of every file name and content, so the same files always give the same version. */
    public static String versionOf(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
