package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.tierupgrade.rules.compiler.RuleSetInvalid.Problem;

/**
 * Reads one rule file the way Java does — comments skipped, string literals as data, everything else code, Chinese
 * text skipped — and collects each name it uses that is not on the allow-list of {@link RuleSafety}.
 */
final class RuleScanner {

    private static final String ONLY = "rules may only use the fact model, java.lang text and numbers, java.time, "
            + "java.math and java.util collections";

    private static final String FACT_PACKAGE = "com.tierupgrade.rules.fact";
    private static final Set<String> FACTS = Set.of("Profile", "Event", "Reached", "StageReached", "TierReached",
            "HeldBack", "Measure", "Warning", "Previous", "CutOff");
    private static final Set<String> JAVA_LANG = Set.of("String", "StringBuilder", "Math", "StrictMath", "Integer",
            "Long", "Double", "Float", "Short", "Byte", "Boolean", "Character", "Number", "CharSequence", "Comparable",
            "Object", "Iterable", "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
            "ArithmeticException", "NumberFormatException", "NullPointerException", "IndexOutOfBoundsException",
            "UnsupportedOperationException");
    private static final Set<String> JAVA_UTIL = Set.of("List", "Map", "Set", "Collection", "ArrayList", "LinkedList",
            "HashMap", "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "Collections", "Arrays",
            "Objects", "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Iterator", "ListIterator",
            "Comparator", "Queue", "Deque", "ArrayDeque", "PriorityQueue", "SortedMap", "SortedSet", "NavigableMap",
            "NavigableSet", "StringJoiner", "NoSuchElementException");
    private static final Set<String> JAVA_MATH = Set.of("BigDecimal", "BigInteger", "RoundingMode", "MathContext");
    /** All of java.time is allowed; these are its usual names, any other becomes usable by importing it. */
    private static final Set<String> JAVA_TIME = Set.of("Clock", "DateTimeException", "DayOfWeek", "Duration",
            "Instant", "LocalDate", "LocalDateTime", "LocalTime", "Month", "MonthDay", "OffsetDateTime", "OffsetTime",
            "Period", "Year", "YearMonth", "ZoneId", "ZoneOffset", "ZonedDateTime", "DateTimeFormatter",
            "DateTimeParseException", "FormatStyle", "TextStyle", "ChronoUnit", "ChronoField", "IsoFields",
            "Temporal", "TemporalAdjusters", "TemporalAmount", "TemporalUnit", "WeekFields");
    private static final Set<String> ALLOWED_NAMES = Stream.of(FACTS, JAVA_LANG, JAVA_UTIL, JAVA_MATH, JAVA_TIME)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> ALLOWED_PACKAGES = Set.of("java.lang", "java.util", "java.math", "java.time",
            FACT_PACKAGE);
    /** First parts of a dotted name that make it a package name even when no class name follows (import a.b.*). */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org",
            "net", "io");

    /**
     * Methods that reach reflection, class loading, system properties or the engine itself (drools, kcontext). The
     * MVEL dialect also calls a getter when a rule writes the property name (drools.kieRuntime), so those are listed
     * too.
     */
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "forName", "getMethod",
            "getMethods", "setAccessible", "accessible", "newInstance", "invoke", "invokeExact", "loadClass",
            "getClassLoader", "classLoader", "getContextClassLoader", "contextClassLoader", "getDeclaringClass",
            "declaringClass", "getSuperclass", "superclass", "getEnclosingClass", "enclosingClass", "declaredMethods",
            "declaredFields", "declaredConstructors", "declaredClasses", "getKieRuntime", "kieRuntime",
            "getKnowledgeRuntime", "knowledgeRuntime", "getWorkingMemory", "workingMemory", "getKieBase", "kieBase",
            "getKnowledgeBase", "knowledgeBase", "halt", "getEntryPoint", "entryPoint", "getEntryPoints",
            "entryPoints", "getChannel", "getChannels", "channels", "getProjectClassLoader", "projectClassLoader",
            "toStatefulKnowledgeSession", "getTuple", "tuple", "getActivation", "getContext", "getDeclaration",
            "getFactHandleFromWM", "getClassType", "classType", "getDeclarationClass",
            "getInteger", "getLong", "getBoolean");

    /**
     * Loops cannot be bounded from outside: a consequence or function that loops can run forever or fill the heap
     * between two firings, where no budget can step in (MVEL adds foreach and until). A rule fires once per match:
     * what a loop would do is written as more rules or an accumulate.
     */
    private static final Set<String> LOOPS = Set.of("while", "for", "do", "foreach", "until");
    /** What waits on a lock or a monitor: a rule that waits holds its evaluation, and every caller, forever. */
    private static final Set<String> BLOCKING = Set.of("synchronized", "wait", "notify", "notifyAll");
    /**
     * Methods whose first argument is a size: given a large one they fill the heap in one call. Allowed only with a
     * small number written out ({@link #MAX_LITERAL_SIZE}); Math.pow works on doubles and stays allowed.
     */
    private static final Set<String> SIZED = Set.of("repeat", "nCopies", "setScale", "pow", "shiftLeft",
            "scaleByPowerOfTen", "movePointLeft", "movePointRight", "ensureCapacity", "setLength");
    static final int MAX_LITERAL_SIZE = 1000;
    /** A width or precision in a format string ("%1000000d"), which also sizes what is built. */
    private static final Pattern FORMAT_SIZE = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d+)?(?:\\.(\\d+))?[a-zA-Z%]");

    /** A .dsl line that Drools skips: blank, or a comment starting with # or //. */
    private static final Pattern DSL_COMMENT = Pattern.compile("^\\s*((#/?|//).*)?$");
    /** A .dsl line that starts a mapping; other lines continue the mapping above them. */
    private static final Pattern DSL_ENTRY = Pattern.compile("^\\s*\\[.+$");
    /** A {placeholder} in the code of a .dsl mapping, optionally with a function such as {x!lc}. */
    private static final Pattern DSL_PLACEHOLDER = Pattern.compile("\\{([\\p{L}\\d_$]+)(?:!([^{}\\n]*))?}");
    private static final Set<String> DSL_FUNCTIONS = Set.of("uc", "lc", "num");

    private static String notAllowed(String name) {
        return "'" + name + "' is not allowed in rules: " + ONLY;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    /** A class-like name: capitalized with a lower-case letter. ALL_CAPS words are codes, no java.lang class. */
    private static boolean isClassName(String name) {
        return Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase());
    }

    private static boolean allowedClass(String packageName, String className) {
        return switch (packageName) {
            case "java.lang" -> JAVA_LANG.contains(className);
            case "java.util" -> JAVA_UTIL.contains(className);
            case "java.math" -> JAVA_MATH.contains(className);
            case FACT_PACKAGE -> true;
            default -> packageName.equals("java.time") || packageName.startsWith("java.time.");
        };
    }

    private static boolean isJavaLangClass(String name) {
        try {
            Class.forName("java.lang." + name, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The text of a .dsl file with everything but the code of its mappings (the part after the first unescaped =)
     * blanked out, keeping every character's line and column. Lines continue the mapping above them, as in Drools.
     */
    private static String dslCode(String text) {
        StringBuilder code = new StringBuilder(text.length());
        boolean inEntry = false;
        boolean inValue = false;
        for (String line : text.split("\n", -1)) {
            int from = line.length();
            if (!DSL_COMMENT.matcher(line).matches()) {
                if (DSL_ENTRY.matcher(line).matches()) {
                    inEntry = true;
                    inValue = false;
                }
                if (!inEntry || inValue) {
                    from = 0; // text before the first mapping is checked as code, to be safe
                } else {
                    int equals = unescapedEquals(line);
                    if (equals >= 0) {
                        inValue = true;
                        from = equals + 1;
                    }
                }
            }
            code.append(" ".repeat(from)).append(line, from, line.length()).append('\n');
        }
        return code.substring(0, code.length() - 1);
    }

    private static int unescapedEquals(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    /** A function a rule file declares, where, and the names it calls (for finding recursion across files). */
    record Function(String name, String file, int line, int column, Set<String> calls) {
    }

    private record Token(String text, int offset) {

        boolean is(String other) {
            return text.equals(other);
        }

        boolean isName() {
            return isNameStart(text.charAt(0));
        }
    }

    private final String file;
    private final String text;
    private final boolean dsl;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> declared = new HashSet<>();
    private final Set<String> allowedNames = new HashSet<>(ALLOWED_NAMES);
    private final List<Function> functions = new ArrayList<>();

    RuleScanner(String file, String content, Set<String> declaredElsewhere) {
        this.file = file;
        this.dsl = file.endsWith(".dsl");
        // Java and the rule parser also end lines at a lone \r; a // comment must not hide what follows one.
        String lines = content.replace("\r\n", "\n").replace('\r', '\n');
        this.text = dsl ? dslCode(lines) : lines;
        checkCharacters();
        tokenize();
        collectDeclaredAndImported();
        allowedNames.addAll(declaredElsewhere);
    }

    /** The types and names this file declares (declare, function, global), for the other files of its rule set. */
    Set<String> declared() {
        return declared;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The functions this file declares, with the names each calls. */
    List<Function> functions() {
        return functions;
    }

    private void problem(int offset, String message) {
        int[] where = lineAndColumn(offset);
        problems.add(new Problem(file, where[0], where[1], message));
    }

    private int[] lineAndColumn(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /** Characters that would let the compiler see other code than this check does. */
    private void checkCharacters() {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            // Java turns a backslash-u escape into its character before anything else, even in comments and
            // strings: an escaped quote or line end would turn data into code.
            if (text.startsWith("\\u", i)) {
                problem(i, "unicode escapes (\\u....) are not allowed in rules: type the character itself");
            } else if (c == '\\' && dsl) {
                problem(i, "backslashes are not allowed in the code of a .dsl mapping");
            } else if ((Character.isIdentifierIgnorable(c) || c == 0x2028 || c == 0x2029) && !(i == 0
                    && c == 0xFEFF)) {
                // Java ignores these inside names: Sys<zero-width space>tem is System.
                problem(i, String.format("the invisible character U+%04X is not allowed in rules: delete it", c));
            }
        }
    }

    private void tokenize() {
        Matcher placeholder = DSL_PLACEHOLDER.matcher(text);
        int placeholderEnd = -1;
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    problem(pos, "this /* comment is never closed with */");
                    return;
                }
                pos = end + 2;
            } else if (text.startsWith("\"\"\"", pos)) {
                problem(pos, "text blocks (\"\"\") are not allowed in rules: use an ordinary \"...\" string");
                int end = text.indexOf("\"\"\"", pos + 3);
                if (end < 0) {
                    return;
                }
                pos = end + 3;
            } else if (c == '"' || c == '\'') {
                tokens.add(new Token("\"", pos)); // one token for the whole string: its text is data
                int end = skipString(pos);
                checkFormatSizes(pos, text.substring(pos, end));
                pos = end;
            } else if (isNamePart(c)) {
                int end = pos + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(text.substring(pos, end), pos));
                pos = end;
            } else if (dsl && c == '{' && placeholder.region(pos, text.length()).lookingAt()) {
                checkPlaceholder(placeholder, pos == placeholderEnd);
                pos = placeholderEnd = placeholder.end();
            } else {
                if (c == '\\' && !dsl && !text.startsWith("\\u", pos)) {
                    problem(pos, "a backslash outside a string is not allowed in rules");
                }
                // `name` is the same name to the rule parser; anything else, Chinese text included, only separates
                if (c > ' ' && c < 127 && c != '`') {
                    tokens.add(new Token(String.valueOf(c), pos));
                }
                pos++;
            }
        }
    }

    /**
     * Strings must end on their line: the rule parser accepts strings over several lines, Java does not, and the
     * two must never disagree about where a string ends.
     */
    private int skipString(int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '\n') {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            i += c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n' ? 2 : 1;
        }
        problem(start, "this string is not closed on its line: end it with " + quote + " before the line ends");
        return i;
    }

    /** A format string whose width or precision is large builds that much text in one call. */
    private void checkFormatSizes(int offset, String literal) {
        Matcher format = FORMAT_SIZE.matcher(literal);
        while (format.find()) {
            for (int group = 1; group <= 2; group++) {
                String digits = format.group(group);
                if (digits != null && (digits.length() > 4 || Integer.parseInt(digits) > MAX_LITERAL_SIZE)) {
                    problem(offset + format.start(), "the format '" + format.group() + "' is wider than "
                            + MAX_LITERAL_SIZE + " characters: it could fill the memory; use a smaller width");
                }
            }
        }
    }

    /**
     * A placeholder is replaced by words of a .dslr sentence. Glued to letters or another placeholder it could
     * assemble a name (ha + lt = halt) that neither file contains; a case function or lookup could make one.
     */
    private void checkPlaceholder(Matcher placeholder, boolean afterPlaceholder) {
        int start = placeholder.start();
        int end = placeholder.end();
        String function = placeholder.group(2);
        if (function != null && !DSL_FUNCTIONS.contains(function)) {
            problem(start, "'" + placeholder.group() + "' is not allowed in a .dsl mapping: only {name}, "
                    + "{name!uc}, {name!lc} and {name!num} are");
        }
        if (afterPlaceholder || start > 0 && isNamePart(text.charAt(start - 1))
                || end < text.length() && isNamePart(text.charAt(end))) {
            problem(start, "'" + placeholder.group() + "' touches letters or another {placeholder}: put a space "
                    + "or punctuation next to it in the .dsl mapping");
        }
    }

    /** Types declared with `declare X` and classes imported by an allowed import may be used by their name. */
    private void collectDeclaredAndImported() {
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && tokens.get(i - 1).is(".")) {
                continue;
            }
            if (tokens.get(i).is("declare")) {
                int j = i + 1;
                while (j < tokens.size() && Set.of("enum", "trait", "window").contains(tokens.get(j).text())) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).isName() && !next(j).is(".")) {
                    Token name = tokens.get(j);
                    if (isJavaLangClass(name.text())) {
                        problem(name.offset(), "'" + name.text() + "' cannot be declared in rules: it would "
                                + "stand for java.lang." + name.text() + "; choose another name");
                    } else {
                        declared.add(name.text());
                    }
                }
            } else if (tokens.get(i).is("import")) {
                int j = i + 1;
                while (j < tokens.size() && Set.of("static", "function", "accumulate")
                        .contains(tokens.get(j).text())) {
                    j++;
                }
                List<Token> name = dottedName(j);
                if (name.size() > 1 && Character.isLowerCase(name.get(0).text().charAt(0))
                        && qualifiedNameProblem(name) == null) {
                    allowedNames.add(name.get(name.size() - 1).text());
                }
            }
        }
        allowedNames.addAll(declared);
    }

    private Token next(int i) {
        return i + 1 < tokens.size() ? tokens.get(i + 1) : new Token(" ", text.length());
    }

    private List<Token> dottedName(int start) {
        List<Token> parts = new ArrayList<>();
        for (int i = start; i < tokens.size() && tokens.get(i).isName(); i += 2) {
            parts.add(tokens.get(i));
            if (!next(i).is(".")) {
                break;
            }
        }
        return parts;
    }

    /**
     * For a dotted name starting in lower case: null when it is not a package name or names an allowed package
     * or class, else the package or class it names. The first capitalized part is the class, the rest members.
     */
    private String qualifiedNameProblem(List<Token> parts) {
        List<String> names = parts.stream().map(Token::text).toList();
        for (int k = 1; k < names.size(); k++) {
            if (Character.isUpperCase(names.get(k).charAt(0))) {
                String packageName = String.join(".", names.subList(0, k));
                return allowedClass(packageName, names.get(k)) ? null : packageName + "." + names.get(k);
            }
        }
        String packageName = String.join(".", names);
        boolean isPackage = names.size() > 1 && PACKAGE_ROOTS.contains(names.get(0));
        return !isPackage || ALLOWED_PACKAGES.contains(packageName) || packageName.startsWith("java.time.") ? null
                : packageName;
    }

    void checkNames() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isName()) {
                continue;
            }
            String name = token.text();
            if ((name.equals("enabled") || name.equals("salience")) && next(i).is("\"")) {
                // Drools strips the quotes of such a value and runs the rest as MVEL, so the string is code.
                problem(next(i).offset(), "a quoted value after '" + name + "' is run as code by Drools: write "
                        + "it without quotes, e.g. " + name + (name.equals("enabled") ? " true" : " 10"));
            }
            if (FORBIDDEN_MEMBERS.contains(name) || name.startsWith("getDeclared")) {
                problem(token.offset(), "'" + name + "' is not allowed in rules: it reaches into Java "
                        + "reflection, class loading or the rule engine itself");
            }
            Token before = i > 0 ? tokens.get(i - 1) : new Token(" ", 0);
            checkBounded(i, token, before);
            if (before.is(".")) {
                continue; // a member, or part of a dotted name checked from its start
            }
            if (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_') {
                String forbidden = qualifiedNameProblem(dottedName(i));
                if (forbidden != null) {
                    problem(token.offset(), notAllowed(forbidden));
                }
            } else if (isClassName(name) && !allowedNames.contains(name)
                    && !(Set.of("@", "rule", "query").contains(before.text()) && !next(i).is("."))) {
                // after @ is an annotation, after rule or query an unquoted name: names, not code
                problem(token.offset(), notAllowed(name));
            }
        }
    }

    /** Refuses what no time budget or firing limit can stop: loops, waiting, and one call that fills the heap. */
    private void checkBounded(int i, Token token, Token before) {
        String name = token.text();
        boolean member = before.is(".");
        if (!member && LOOPS.contains(name) && !(name.equals("do") && next(i).is("["))) {
            // do[name] in a condition is a named consequence, not a loop
            problem(token.offset(), "'" + name + "' loops are not allowed in rules: a loop cannot be bounded while "
                    + "it runs; a rule fires once per match, so write one rule per case or use accumulate");
        } else if (BLOCKING.contains(name) && (member || name.equals("synchronized"))) {
            problem(token.offset(), "'" + name + "' is not allowed in rules: a rule that waits holds up every "
                    + "evaluation");
        } else if (member && SIZED.contains(name) && next(i).is("(") && !isMathPow(i)
                && !smallLiteralAt(i + 2, Set.of(",", ")"))) {
            problem(token.offset(), "'" + name + "' is only allowed with a size written as a number up to "
                    + MAX_LITERAL_SIZE + ": a larger one could fill the memory");
        } else if (!member && name.equals("new")) {
            checkArraySize(i);
        }
    }

    private boolean isMathPow(int i) {
        return tokens.get(i).is("pow") && i >= 2
                && (tokens.get(i - 2).is("Math") || tokens.get(i - 2).is("StrictMath"));
    }

    private boolean smallLiteralAt(int index, Set<String> followedBy) {
        if (index + 1 >= tokens.size()) {
            return false;
        }
        String literal = tokens.get(index).text().replace("_", "").replaceAll("[lL]$", "");
        if (!literal.matches("\\d{1,4}") || !followedBy.contains(tokens.get(index + 1).text())) {
            return false;
        }
        return Integer.parseInt(literal) <= MAX_LITERAL_SIZE;
    }

    /** new T[n]: the size must be written as a small number; new T[] { … } lists its elements and is fine. */
    private void checkArraySize(int newIndex) {
        int j = newIndex + 1;
        while (j + 1 < tokens.size() && tokens.get(j).isName() && tokens.get(j + 1).is(".")) {
            j += 2;
        }
        if (j + 1 >= tokens.size() || !tokens.get(j).isName()) {
            return;
        }
        for (int k = j + 1; k < tokens.size() && tokens.get(k).is("["); k += 3) {
            if (tokens.get(k + 1 < tokens.size() ? k + 1 : k).is("]")) {
                return;
            }
            if (!smallLiteralAt(k + 1, Set.of("]"))) {
                problem(tokens.get(k).offset(), "an array is only allowed with a size written as a number up to "
                        + MAX_LITERAL_SIZE + ": a larger one could fill the memory");
                return;
            }
        }
    }

    /** Collects each function declared here and the names its body calls; recursion is found across files. */
    void collectFunctions() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).is("function") || i > 0 && tokens.get(i - 1).is(".")) {
                continue;
            }
            int open = i + 1;
            while (open < tokens.size() && !tokens.get(open).is("(")) {
                open++;
            }
            int body = open;
            while (body < tokens.size() && !tokens.get(body).is("{")) {
                body++;
            }
            if (body >= tokens.size() || open - 1 <= i) {
                return;
            }
            Token name = tokens.get(open - 1);
            Set<String> calls = new HashSet<>();
            int depth = 0;
            int k = body;
            do {
                Token t = tokens.get(k);
                depth += t.is("{") ? 1 : t.is("}") ? -1 : 0;
                if (t.isName() && next(k).is("(") && !tokens.get(k - 1).is(".") && !tokens.get(k - 1).is("new")) {
                    calls.add(t.text());
                }
                k++;
            } while (depth > 0 && k < tokens.size());
            int[] where = lineAndColumn(name.offset());
            functions.add(new Function(name.text(), file, where[0], where[1], calls));
            i = k - 1;
        }
    }
}
