package com.tierupgrade.web;

/** What is wrong with one field of a request, e.g. {@code events[2].amount}: must be a number ≥ 0. */
public record FieldProblem(String field, String message) {
}
