package com.tierupgrade.rules.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tierupgrade.rules.compiler.RuleSetInvalid.Problem;

/** Rule files may only use the fact model and a small part of the JDK; anything else is refused with its line. */
class RuleSafetyTest {

    private static final Path RULES = Path.of("rules");

    private static final String DSL = String.join("\n",
            "# 中文规则语言:每行把一句中文映射成 Drools 代码",
            "[when]有资料=Profile()",
            "[when]存在类型为{type}的事件=exists Event( type == \"{type}\" )",
            "[then]暂缓{tier},原因{why}=insert(new HeldBack(\"{tier}\", \"{why}\"));",
            "");

    private static final String DSLR = String.join("\n",
            "package rules;",
            "import com.tierupgrade.rules.fact.*;",
            "rule \"问题用户:存在投诉 (System 不是代码)\"",
            "when",
            "    有资料",
            "    存在类型为COMPLAINT的事件",
            "then",
            "    暂缓DISTRIBUTOR,原因存在投诉",
            "end",
            "");

    record Case(String name, String file, String content, int line, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A rule file whose line 7 is the consequence. */
    private static String consequence(String code) {
        return String.join("\n", "package rules;", "import com.tierupgrade.rules.fact.*;", "rule \"r\"", "when",
                "    Profile()", "then", "    " + code, "end", "");
    }

    /** A rule file whose line 5 is the condition. */
    private static String condition(String pattern) {
        return consequence("insert(new HeldBack(\"DISTRIBUTOR\", \"x\"));").replace("    Profile()", "    " + pattern);
    }

    /** A rule file whose line 2 is the declaration. */
    private static String header(String declaration) {
        return consequence("insert(new HeldBack(\"DISTRIBUTOR\", \"x\"));").replace("package rules;\n",
                "package rules;\n" + declaration + "\n");
    }

    private static Case drl(String name, String content, int line, String mentions) {
        return new Case(name, "hostile.drl", content, line, mentions);
    }

    static List<Case> hostile() {
        return List.of(
                drl("System.exit", consequence("System.exit(0);"), 7, "'System'"),
                drl("Runtime.getRuntime().exec", consequence("Runtime.getRuntime().exec(\"rm -rf /\");"), 7,
                        "'Runtime'"),
                drl("new ProcessBuilder", consequence("new ProcessBuilder(\"sh\").start();"), 7, "'ProcessBuilder'"),
                drl("java.lang.System fully qualified", consequence("java.lang.System.exit(0);"), 7,
                        "'java.lang.System'"),
                drl("qualified name split by a comment", consequence("java . /* */ lang.System.exit(0);"), 7,
                        "'java.lang.System'"),
                drl("import java.io.File", header("import java.io.File;"), 2, "'java.io.File'"),
                drl("import java.nio.file.*", header("import java.nio.file.*;"), 2, "'java.nio.file'"),
                drl("import java.util.Scanner", header("import java.util.Scanner;"), 2, "'java.util.Scanner'"),
                drl("import an application class", header("import com.tierupgrade.rules.compiler.RuleSetCompiler;"), 2,
                        "'com.tierupgrade.rules.compiler.RuleSetCompiler'"),
                drl("package of the application", consequence("insert(null);").replace("package rules;",
                        "package com.tierupgrade.rules;"), 1, "'com.tierupgrade.rules'"),
                drl("new java.net.URL", consequence("new java.net.URL(\"http://evil\").openStream();"), 7,
                        "'java.net.URL'"),
                drl("Class.forName", consequence("Class.forName(\"x\");"), 7, "'Class'"),
                drl("getClass().getClassLoader()", consequence("\"x\".getClass().getClassLoader();"), 7,
                        "'getClass'"),
                drl("String.class", consequence("Object o = String.class;"), 7, "'class'"),
                drl("system property read through Integer", consequence("Integer port = Integer.getInteger(\"http.port\");"), 7,
                        "'getInteger'"),
                drl("java.lang.reflect.Method", consequence("java.lang.reflect.Method m = null;"), 7,
                        "'java.lang.reflect.Method'"),
                drl("new Thread", consequence("new Thread(() -> {}).start();"), 7, "'Thread'"),
                drl("java.util.concurrent.Executors",
                        consequence("java.util.concurrent.Executors.newSingleThreadExecutor();"), 7,
                        "'java.util.concurrent.Executors'"),
                drl("unicode escape in a name", consequence("\\u0053ystem.exit(0);"), 7, "unicode escapes"),
                drl("unicode line end in a comment", consequence("// \\u000a System.exit(0);"), 7,
                        "unicode escapes"),
                drl("import function java.lang.System.exit", header("import function java.lang.System.exit;"), 2,
                        "'java.lang.System'"),
                drl("global java.io.File", header("global java.io.File f;"), 2, "'java.io.File'"),
                drl("kcontext.getKieRuntime().halt()", consequence("kcontext.getKieRuntime().halt();"), 7,
                        "'getKieRuntime'"),
                drl("drools.getKieRuntime()", consequence("drools.getKieRuntime().getKieBase();"), 7,
                        "'getKieRuntime'"),
                drl("MVEL property drools.kieRuntime", consequence("drools.kieRuntime.halt();"), 7, "'kieRuntime'"),
                drl("drools.halt()", consequence("drools.halt();"), 7, "'halt'"),
                drl("Runtime in a function body",
                        "package rules;\n\nfunction void f() {\n    Runtime.getRuntime();\n}\n", 4, "'Runtime'"),
                drl("MVEL inline cast", condition("Event( field(\"x\")#java.io.File.name != null )"), 5,
                        "'java.io.File'"),
                drl("text block", consequence("String s = \"\"\"\n        System\n        \"\"\";"), 7,
                        "text blocks"),
                drl("quote inside a char literal", consequence("char c = '\"'; System.exit(0); String s = \"\";"),
                        7, "'System'"),
                drl("string over two lines", consequence("String s = \"a\n    \"; System.exit(0); \"\";"), 7,
                        "not closed"),
                drl("lone carriage return ends a comment", consequence("// note\rSystem.exit(0);"), 8,
                        "'System'"),
                drl("zero-width space inside a name", consequence("drools.ha\u200Blt();"), 7, "U+200B"),
                drl("quoted enabled runs as code", consequence("insert(null);").replace("rule \"r\"",
                        "rule \"r\" enabled \"java.lang.System.clearProperty('x') == null\""), 3, "run as code"),
                drl("names quoted with backticks", condition("Profile( `java`.`lang`.`System`.exit(0) == null )"), 5,
                        "'java.lang.System'"),
                drl("declare a java.lang name", "package rules;\n\ndeclare System\n    x : int\nend\n", 3,
                        "cannot be declared"),
                new Case(".dsl mapping calls System.exit", "hostile.dsl", "# 清空\n[then]清空=System.exit(0);\n", 2,
                        "'System'"),
                new Case(".dsl mapping continued on the next line", "hostile.dsl",
                        "[then]清空=drools.getRule();\n    # 注释\n    System.exit(0);\n", 3, "'System'"),
                new Case(".dsl placeholder glued to letters", "hostile.dsl", "[then]停止{a}=drools.ha{a}();\n", 1,
                        "touches"),
                new Case(".dsl placeholder made upper case", "hostile.dsl", "[then]退出{c}={c!ucfirst}.exit(0);\n",
                        1, "{name!uc}"),
                new Case(".dsl backslash", "hostile.dsl", "[then]转义=insert(new HeldBack(\"A\", \"\\\"\"));\n", 1,
                        "backslashes"),
                new Case(".dslr passes System.exit through", "hostile.dslr",
                        DSLR.replace("    暂缓DISTRIBUTOR,原因存在投诉", "    > System.exit(0);"), 8, "'System'"),
                // What no budget can stop once it runs: loops, recursion, waiting, one call that fills the heap.
                drl("endless while loop", consequence("while (true) { }"), 7, "'while' loops"),
                drl("for loop", consequence("for (int i = 0; i < 10; i++) { insert(null); }"), 7, "'for' loops"),
                drl("do-while loop", consequence("do { } while (true);"), 7, "'do' loops"),
                drl("MVEL foreach", consequence("foreach (x : [1, 2]) { }"), 7, "'foreach' loops"),
                drl("loop in a function", "package rules;\n\nfunction int spin() {\n    while (true) { }\n}\n", 4,
                        "'while' loops"),
                drl("function calling itself", "package rules;\n\nfunction int deep(int n) {\n"
                        + "    return n <= 0 ? 0 : 1 + deep(n - 1);\n}\n", 3, "'deep' calls itself"),
                drl("functions calling each other", "package rules;\n\nfunction int ping(int n) {\n    return pong(n);"
                        + "\n}\nfunction int pong(int n) {\n    return ping(n);\n}\n", 3, "through pong → ping"),
                drl("String.repeat of a huge count", consequence("String s = \"x\".repeat(Integer.MAX_VALUE);"), 7,
                        "'repeat'"),
                drl("huge array", consequence("long[] a = new long[500000000];"), 7, "an array"),
                drl("array sized by an expression", consequence("long[] a = new long[Integer.MAX_VALUE - 8];"), 7,
                        "an array"),
                drl("Collections.nCopies", consequence("java.util.List l = java.util.Collections.nCopies(1 << 30, 1);"),
                        7, "'nCopies'"),
                drl("BigInteger.pow", consequence("java.math.BigInteger.TEN.pow(999999999);"), 7, "'pow'"),
                drl("huge format width", consequence("String s = String.format(\"%999999999d\", 1);"), 7,
                        "wider than"),
                drl("wait on a monitor", consequence("\"x\".wait();"), 7, "'wait'"),
                drl("synchronized block", consequence("synchronized (\"x\") { insert(null); }"), 7,
                        "'synchronized'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void shouldRefuseHostileFile(Case hostile) {
        List<Problem> problems = RuleSafety.check(hostile.file(), hostile.content());
        assertFalse(problems.isEmpty(), "not refused:\n" + hostile.content());
        Problem first = problems.get(0);
        assertEquals(hostile.file(), first.file());
        assertEquals(hostile.line(), first.line(), first.toString());
        assertTrue(first.message().contains(hostile.mentions()), first.toString());
    }

    static List<Case> benign() {
        return List.of(
                new Case("java.time", "ok.drl", header("import java.time.Duration;").replace(
                        "insert(new HeldBack(\"DISTRIBUTOR\", \"x\"));",
                        "Duration d = Duration.ofDays(3); java.time.Instant now = java.time.Instant.now();"), 0, ""),
                new Case("BigDecimal", "ok.drl", header("import java.math.BigDecimal;").replace(
                        "insert(new HeldBack(\"DISTRIBUTOR\", \"x\"));",
                        "BigDecimal x = BigDecimal.valueOf(2).setScale(0, java.math.RoundingMode.HALF_UP);"), 0, ""),
                new Case("Math.max", "ok.drl", consequence("long n = Math.max(1L, StrictMath.abs(-2L));"), 0, ""),
                new Case("List.of and Map.Entry", "ok.drl", header("import java.util.*;").replace(
                        "insert(new HeldBack(\"DISTRIBUTOR\", \"x\"));",
                        "List<String> codes = List.of(\"A\"); Map.Entry<String, Integer> e = Map.entry(\"a\", 1);"),
                        0, ""),
                new Case("a declared type used later", "ok.drl", String.join("\n", "package rules;",
                        "import com.tierupgrade.rules.fact.*;", "declare Thresholds", "    minPurchases : int", "end",
                        "rule \"r\"", "when", "    $t : Thresholds( minPurchases > 0 )", "then",
                        "    insert(new Thresholds());", "end", ""), 0, ""),
                new Case("System in the quoted rule name", "ok.drl",
                        consequence("insert(null);").replace("rule \"r\"", "rule \"System 升级:Runtime 不是代码\""),
                        0, ""),
                new Case("Runtime in a string", "ok.drl",
                        consequence("insert(new HeldBack(\"DISTRIBUTOR\", \"Runtime\"));"), 0, ""),
                new Case("System in comments", "ok.drl",
                        consequence("// System.exit(0) is not code here\n    /* Runtime */ insert(null);"), 0, ""),
                new Case("rule attributes", "ok.drl", consequence("insert(null);").replace("rule \"r\"",
                        "rule \"r\" salience 10 no-loop activation-group \"g\" dialect \"mvel\""), 0, ""),
                new Case("Chinese DSL", "ok.dsl", DSL, 0, ""),
                new Case("small sizes written out", "ok.drl", consequence("String s = \"-\".repeat(20); "
                        + "long[] a = new long[3]; int[] b = new int[] {1, 2}; double p = Math.pow(2, 40); "
                        + "String f = String.format(\"%5.2f %1$s\", 1.0);"), 0, ""),
                new Case("functions calling other functions", "ok.drl", "package rules;\n\nfunction int a(int n) {\n"
                        + "    return b(n) + b(n);\n}\nfunction int b(int n) {\n    return Math.abs(n);\n}\n", 0, ""),
                new Case("named consequence do[...]", "ok.drl", condition("$p : Profile()\n    do[more]")
                        .replace("end\n", "then[more]\n    insert(null);\nend\n"), 0, ""),
                new Case("Chinese DSL rule", "ok.dslr", DSLR, 0, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benign")
    void shouldAcceptBenignFile(Case benign) {
        assertEquals(List.of(), RuleSafety.check(benign.file(), benign.content()));
    }

    static List<Path> shippedRuleFiles() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(drl|dsl|dslr)$")).sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedRuleFiles")
    void shouldAcceptShippedRuleFile(Path file) throws IOException {
        assertEquals(List.of(), RuleSafety.check(file.getFileName().toString(), Files.readString(file)));
    }

    @Test
    void shouldAcceptShippedRulesTogether() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : shippedRuleFiles()) {
            files.put(file.getFileName().toString(), Files.readString(file));
        }
        assertEquals(List.of(), RuleSafety.check(files));
    }

    @Test
    void shouldAcceptTypeDeclaredInAnotherFile() {
        String declares = "package rules;\ndeclare Thresholds\n    minPurchases : int\nend\n";
        String uses = consequence("insert(new Thresholds());");
        assertFalse(RuleSafety.check("uses.drl", uses).isEmpty());
        assertEquals(List.of(), RuleSafety.check(Map.of("declares.drl", declares, "uses.drl", uses)));
    }

    @Test
    void shouldAcceptChineseDslWithItsRules() {
        assertEquals(List.of(), RuleSafety.check(Map.of("ok.dsl", DSL, "ok.dslr", DSLR, "ladders.yaml", "x: [")));
    }

    @Test
    void shouldRefuseDslrThatUsesHostileMapping() {
        String dsl = DSL + "[then]清空=System.exit(0);\n";
        String dslr = DSLR.replace("暂缓DISTRIBUTOR,原因存在投诉", "清空");
        assertEquals(List.of(), RuleSafety.check("uses.dslr", dslr)); // the sentence alone is harmless
        List<Problem> problems = RuleSafety.check(Map.of("hostile.dsl", dsl, "uses.dslr", dslr));
        assertEquals(List.of(new Problem("hostile.dsl", 5, 10, "'System' is not allowed in rules: rules may only "
                + "use the fact model, java.lang text and numbers, java.time, java.math and java.util collections")),
                problems);
    }

    @Test
    void shouldRefuseSentenceThatBreaksOutOfTheMappingsString() {
        // Apart, both files are fine: in the .dslr the call is inside a string. The mapping puts the sentence's
        // words inside its own string, and so the .dslr's quotes end that string and System.exit becomes code.
        String dslr = DSLR.replace("暂缓DISTRIBUTOR,原因存在投诉",
                "暂缓DISTRIBUTOR,原因x\")); System.exit(0); String s = (\"");
        assertEquals(List.of(), RuleSafety.check("ok.dsl", DSL));
        assertEquals(List.of(), RuleSafety.check("evil.dslr", dslr));
        List<Problem> problems = RuleSafety.check(Map.of("ok.dsl", DSL, "evil.dslr", dslr));
        assertFalse(problems.isEmpty());
        assertEquals("evil.dslr", problems.get(0).file());
        assertEquals(8, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("'System'"), problems.get(0).toString());
    }
}
