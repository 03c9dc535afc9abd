package com.tierupgrade.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

/** Every HTTP endpoint the resource classes declare, read from the compiled classes, so a new one is never missed. */
public final class Endpoints {

    private static final Path CLASSES = Path.of("target", "classes");

    /** One endpoint: its method and its path template, e.g. GET /customers/{customerId}/history. */
    public record Endpoint(String method, String template) {

        /** Whether a concrete path, e.g. /customers/c-1/history, is an instance of the template. */
        public boolean matches(String path) {
            return path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Endpoints() {
    }

    public static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes()) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    endpoints.add(new Endpoint(verb, join(root.value(), sub == null ? "" : sub.value())));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> classes() {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.contains("$") || name.matches(".*\\$[A-Za-z].*")) {
                    classes.add(Class.forName(name, false, Endpoints.class.getClassLoader()));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
